/**
 * The priority helper of a help-desk page: three questions (who is affected, is the mission affected, is there a
 * workaround) → the suggested priority with the centre's own severity name and description, its restore target,
 * and a link to the calculator with that restore level preselected. Decision table: src/lib/sla/priority.ts.
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { SCOPES, suggestPriority, type Scope } from "../../lib/sla/priority.ts";
import type { PriorityStrings } from "../DueDateCalculator/strings.ts";
import { createTranslator } from "../../i18n/translator.ts";

/** One priority of the centre's matrix, precomputed by the page. */
export interface PriorityInfo {
  priority: 1 | 2 | 3 | 4 | 5;
  severity: string;
  descriptions: string[];
  /** The restore target in words (« 3 heures dans 85 % des cas »). */
  target: string;
  /** The calculator with the restore level preselected. */
  calculatorHref: string;
}

export interface Props {
  lang: Lang;
  strings: PriorityStrings;
  /** The centre's name (« CSC »), in the introduction. */
  centre: string;
  priorities: PriorityInfo[];
  idPrefix: string;
  headingLevel?: 2 | 3;
}

const SCOPE_KEYS = {
  organisation: "sla.priority.scope.organisation",
  site: "sla.priority.scope.site",
  group: "sla.priority.scope.group",
  few: "sla.priority.scope.few",
} as const;

export default function PriorityHelperIsland({ lang, strings, centre, priorities, idPrefix, headingLevel = 2 }: Props) {
  const t = createTranslator(strings, lang);
  const [scope, setScope] = useState<Scope | undefined>(undefined);
  const [mission, setMission] = useState<boolean | undefined>(undefined);
  const [workaround, setWorkaround] = useState<boolean | undefined>(undefined);
  const H = `h${headingLevel}` as "h2" | "h3";
  const id = (s: string) => `${idPrefix}-${s}`;

  // The page is server-rendered and the island wakes when it scrolls into view: answers given before that are
  // the reader's, taken from the page rather than reset.
  useEffect(() => {
    const checked = (suffix: string) => (document.getElementById(id(suffix)) as HTMLInputElement | null)?.checked === true;
    const s = SCOPES.find((option) => checked(`scope-${option}`));
    if (s) setScope(s);
    for (const [name, set] of [["mission", setMission], ["workaround", setWorkaround]] as const) {
      if (checked(`${name}-yes`)) set(true);
      else if (checked(`${name}-no`)) set(false);
    }
  }, []);

  const answered = scope !== undefined && mission !== undefined && workaround !== undefined;
  const suggestion = answered ? priorities.find((p) => p.priority === suggestPriority({ scope, mission, workaround })) : undefined;

  const yesNo = (name: string, legend: string, value: boolean | undefined, set: (v: boolean) => void) => (
    <fieldset class="ph-question">
      <legend>{legend}</legend>
      {[true, false].map((v) => (
        <div class="ph-choice" key={String(v)}>
          <input type="radio" id={id(`${name}-${v ? "yes" : "no"}`)} name={id(name)} checked={value === v} onChange={() => set(v)} />
          <label for={id(`${name}-${v ? "yes" : "no"}`)}>{t(v ? "sla.priority.yes" : "sla.priority.no")}</label>
        </div>
      ))}
    </fieldset>
  );

  return (
    <div class="ph">
      <H id={id("heading")}>{t("sla.priority.heading")}</H>
      <p>{t("sla.priority.intro", { centre })}</p>
      <form
        class="ph-form"
        // The suggestion updates with each answer; submitting takes keyboard and screen-reader users to it.
        onSubmit={(e) => {
          e.preventDefault();
          document.getElementById(id("result"))?.focus();
        }}
        aria-labelledby={id("heading")}
      >
        <fieldset class="ph-question">
          <legend>{t("sla.priority.scopeLegend")}</legend>
          {SCOPES.map((s) => (
            <div class="ph-choice" key={s}>
              <input type="radio" id={id(`scope-${s}`)} name={id("scope")} checked={scope === s} onChange={() => setScope(s)} />
              <label for={id(`scope-${s}`)}>{t(SCOPE_KEYS[s])}</label>
            </div>
          ))}
        </fieldset>
        {yesNo("mission", t("sla.priority.missionLegend"), mission, setMission)}
        {yesNo("workaround", t("sla.priority.workaroundLegend"), workaround, setWorkaround)}
        <button type="submit" class="ph-submit">{t("sla.priority.submit")}</button>
      </form>
      <div class="ph-result" id={id("result")} tabIndex={-1} aria-live="polite" aria-atomic="true">
        {suggestion ? (
          <>
            <p class="ph-priority">
              {t("sla.priority.result", { priority: t("sla.priority.label", { priority: suggestion.priority }), severity: suggestion.severity })}
            </p>
            <ul>{suggestion.descriptions.map((d) => <li key={d}>{d}</li>)}</ul>
            <p>{t("sla.priority.target", { target: suggestion.target })}</p>
            <p>
              <a href={suggestion.calculatorHref}>
                {t("sla.priority.calculate", { priority: t("sla.priority.label", { priority: suggestion.priority }) })}
              </a>
            </p>
          </>
        ) : (
          <p>{t("sla.priority.incomplete")}</p>
        )}
      </div>
      <p class="ph-note">{t("sla.priority.note")}</p>
    </div>
  );
}
