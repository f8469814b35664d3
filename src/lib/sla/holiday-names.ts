/** The 13 paid holidays of the Québec public service (docs/business-days.md), in calendar order, with their names. */
export const HOLIDAY_IDS = [
  "new-years-day",
  "day-after-new-years-day",
  "good-friday",
  "easter-monday",
  "patriots-day",
  "national-holiday",
  "canada-day",
  "labour-day",
  "thanksgiving",
  "christmas-eve",
  "christmas-day",
  "boxing-day",
  "new-years-eve",
] as const;

export type HolidayId = (typeof HOLIDAY_IDS)[number];

export const HOLIDAY_NAMES: Record<HolidayId, { fr: string; en: string }> = {
  "new-years-day": { fr: "Jour de l'An", en: "New Year's Day" },
  "day-after-new-years-day": { fr: "Lendemain du jour de l'An", en: "Day after New Year's Day" },
  "good-friday": { fr: "Vendredi saint", en: "Good Friday" },
  "easter-monday": { fr: "Lundi de Pâques", en: "Easter Monday" },
  "patriots-day": { fr: "Journée nationale des patriotes", en: "National Patriots' Day" },
  "national-holiday": { fr: "Fête nationale du Québec", en: "Québec's National Holiday" },
  "canada-day": { fr: "Fête du Canada", en: "Canada Day" },
  "labour-day": { fr: "Fête du Travail", en: "Labour Day" },
  thanksgiving: { fr: "Action de grâces", en: "Thanksgiving" },
  "christmas-eve": { fr: "Veille de Noël", en: "Christmas Eve" },
  "christmas-day": { fr: "Noël", en: "Christmas Day" },
  "boxing-day": { fr: "Lendemain de Noël", en: "Boxing Day" },
  "new-years-eve": { fr: "Veille du jour de l'An", en: "New Year's Eve" },
};

export function isHolidayId(value: unknown): value is HolidayId {
  return typeof value === "string" && (HOLIDAY_IDS as readonly string[]).includes(value);
}
