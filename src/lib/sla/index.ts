/**
 * The service-level engine: public-service holidays, business days and deadlines, in Québec time.
 * Pure functions, no DOM, no dependencies: the calculator island imports it as it is.
 */
export { SlaInputError, isSlaInputError, type SlaErrorCode } from "./errors.ts";
export { HOLIDAY_IDS, HOLIDAY_NAMES, type HolidayId } from "./holiday-names.ts";
export { easterSunday } from "./easter.ts";
export {
  computeHolidays,
  createHolidayCalendar,
  isBusinessDay,
  parseOfficialTable,
  publicHolidays,
  quebecCalendar,
  type Holiday,
  type HolidayCalendar,
  type OfficialHolidayTable,
} from "./holidays.ts";
export { QUEBEC_TIME_ZONE, clockChanges, quebecOffset } from "./timezone.ts";
export { quebecDayStart, quebecInstant, quebecWallClock } from "./quebec-time.ts";
export { addDays, isCalendarDate } from "./civil.ts";
export { checkRule, durationMs, MAX_DAYS, MAX_DURATION_MS, type DurationUnit, type SlaRule, type TimeWindow } from "./rules.ts";
export { mergePauses, type Pause } from "./pauses.ts";
export type { LocalizedName, StartReason, Step, StepKind } from "./steps.ts";
export { dueDate, type DueDateOptions, type DueDateResult } from "./due-date.ts";
export {
  allowedDowntimeMs,
  calculatorLevel,
  evaluateLevel,
  planOfTarget,
  quarterEnd,
  type CalculatorLevel,
  type CountedFrom,
  type Downtime,
  type LevelInput,
  type LevelPlan,
  type LevelResult,
} from "./levels.ts";
export { restoreLevelId, SCOPES, suggestPriority, type Priority, type PriorityAnswers, type Scope } from "./priority.ts";
export { escapeText, foldLine, holidaysIcs, type IcsOptions } from "./ics.ts";
