// @vitest-environment happy-dom
/** The priority helper as a reader uses it, with each centre's own matrix, targets and calculator links. */
import { afterEach, describe, expect, test } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/preact";
import PriorityHelperIsland, { type PriorityInfo } from "../../../src/components/PriorityHelper/PriorityHelperIsland.tsx";
import { formatLevelTarget } from "../../../src/components/ServiceLevelTable/target.ts";
import { levelById, serviceById } from "../../../src/data/catalogue.ts";
import { href, pickStrings, useTranslations, type Lang } from "../../../src/i18n/index.ts";
import { restoreLevelId, type Priority } from "../../../src/lib/sla/index.ts";

const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

function priorities(centre: "cau" | "csc", lang: Lang): PriorityInfo[] {
  return serviceById(centre).priorityMatrix!.map((p) => ({
    priority: p.priority as Priority,
    severity: p.severity[lang],
    descriptions: p.descriptions.map((d) => d[lang]),
    target: formatLevelTarget(levelById(restoreLevelId(centre, p.priority as Priority))!.level, lang),
    calculatorHref: href(lang, "calculator", { query: { level: restoreLevelId(centre, p.priority as Priority) } }),
  }));
}

function mount(centre: "cau" | "csc", lang: Lang = "fr") {
  const t = useTranslations(lang);
  const view = render(
    <PriorityHelperIsland lang={lang} strings={pickStrings(lang, "sla.priority.")} centre={centre.toUpperCase()} priorities={priorities(centre, lang)} idPrefix={`ph-${centre}`} />,
  );
  const answer = async (scope: string, mission: boolean, workaround: boolean) => {
    await act(async () => {
      fireEvent.click(screen.getByLabelText(t(`sla.priority.scope.${scope}` as "sla.priority.scope.few")));
      const groups = view.container.querySelectorAll("fieldset");
      fireEvent.click(groups[1]!.querySelector(`input[id$="-${mission ? "yes" : "no"}"]`)!);
      fireEvent.click(groups[2]!.querySelector(`input[id$="-${workaround ? "yes" : "no"}"]`)!);
    });
  };
  const result = () => plain(view.container.querySelector(".ph-result")?.textContent);
  return { ...view, t, answer, result };
}

afterEach(() => cleanup());

test("asks for all three answers first", () => {
  const { t, result } = mount("csc");
  expect(result()).toBe(plain(t("sla.priority.incomplete")));
});

describe.each([
  ["csc", "organisation", true, false, "P1 – Critique", "3 heures dans 85 % des cas", "csc-restore-p1"],
  ["cau", "organisation", true, false, "P1 – Critique", "3 heures dans 85 % des cas", "cau-restore-p1"],
  ["csc", "site", true, false, "P2 – Élevé", "5 heures dans 85 % des cas", "csc-restore-p2"],
  ["cau", "site", true, false, "P2 – Majeur", "5 heures dans 85 % des cas", "cau-restore-p2"],
  ["csc", "group", false, false, "P3 – Modérée", "10 heures dans 80 % des cas", "csc-restore-p3"],
  ["cau", "group", false, false, "P3 – Important", "10 heures dans 80 % des cas", "cau-restore-p3"],
  ["csc", "organisation", false, true, "P4 – Faible", "16 heures dans 80 % des cas", "csc-restore-p4"],
  ["cau", "organisation", false, true, "P4 – Moyen", "16 heures dans 80 % des cas", "cau-restore-p4"],
  ["csc", "few", false, true, "P5 – Planifié", "40 heures dans 80 % des cas", "csc-restore-p5"],
  ["cau", "few", false, true, "P5 – Faible", "40 heures dans 80 % des cas", "cau-restore-p5"],
] as const)("%s: %s, mission %s, workaround %s", (centre, scope, mission, workaround, priority, target, level) => {
  test(`suggests ${priority} with its target and a calculator link`, async () => {
    const { answer, result, container } = mount(centre);
    await answer(scope, mission, workaround);
    expect(result()).toContain(`Priorité suggérée : ${priority}`);
    expect(result()).toContain(target);
    const link = container.querySelector(".ph-result a") as HTMLAnchorElement;
    expect(link.getAttribute("href")).toBe(`/fr/calculateur-echeances/?level=${level}`);
  });
});

test("in English, with the centre's own wording, in a polite live region", async () => {
  const { answer, result, container } = mount("cau", "en");
  await answer("site", true, false);
  expect(result()).toContain("Suggested priority: P2 – ");
  expect(result()).toContain(serviceById("cau").priorityMatrix![1]!.severity.en);
  expect(container.querySelector(".ph-result")?.getAttribute("aria-live")).toBe("polite");
});

test("the submit button takes the reader to the suggestion", async () => {
  const { answer, t, container } = mount("csc");
  await answer("few", false, true);
  fireEvent.click(screen.getByRole("button", { name: t("sla.priority.submit") }));
  expect(document.activeElement).toBe(container.querySelector(".ph-result"));
});
