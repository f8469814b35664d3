// @vitest-environment happy-dom
/**
 * The calculator island as a reader uses it: a level from the address, the default "now", typing a reception
 * time, pauses added and removed, mistakes tied to their field, and the address kept in step. Real strings and
 * the real catalogue (through the same props the page passes).
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import DueDateCalculatorIsland, { loadEngine } from "../../../src/components/DueDateCalculator/DueDateCalculatorIsland.tsx";
import { levelGroups } from "../../../src/components/DueDateCalculator/groups.ts";
import { pickStrings, useTranslations, type Lang } from "../../../src/i18n/index.ts";

const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
/** Tuesday 1 December 2026, 09:00 in Québec. */
const NOW = new Date("2026-12-01T14:00:00Z");

async function mount(search = "", lang: Lang = "fr") {
  window.history.replaceState(null, "", `/${lang}/calculator/${search}`);
  const t = useTranslations(lang);
  const view = render(
    <DueDateCalculatorIsland lang={lang} strings={pickStrings(lang, "sla.")} groups={levelGroups(lang)} holidaysHref="/fr/jours-feries/" now={NOW} />,
  );
  // The engine loads on demand (with the first level chosen); once loaded, every result is immediate.
  await act(async () => {
    await loadEngine();
  });
  const summary = () => plain(view.container.querySelector(".ddc-summary")?.textContent);
  const steps = () => [...view.container.querySelectorAll(".ddc-steps li")].map((li) => plain(li.textContent));
  const params = () => new URLSearchParams(window.location.search);
  return { ...view, t, summary, steps, params };
}

beforeEach(() => window.history.replaceState(null, "", "/"));
afterEach(() => cleanup());

describe("first render", () => {
  test("renders nothing on the server pass, then the form once it runs", async () => {
    const { t } = await mount();
    expect(screen.getByLabelText(t("sla.levelLabel"))).toBeTruthy();
    expect(screen.getByText(t("sla.chooseLevel"))).toBeTruthy();
  });
  test("the levels are grouped by service (optgroup) and every catalogue level is offered", async () => {
    const { t } = await mount();
    const select = screen.getByLabelText(t("sla.levelLabel")) as HTMLSelectElement;
    const groups = [...select.querySelectorAll("optgroup")].map((g) => g.label);
    expect(groups).toEqual(levelGroups("fr").map((g) => g.service));
    expect(select.querySelectorAll("option[value]:not([value=''])").length).toBe(levelGroups("fr").flatMap((g) => g.levels).length);
  });
  test("?level= preselects the level and the reception time defaults to now in Québec time", async () => {
    const { t, summary, params } = await mount("?level=csc-restore-p3");
    expect((screen.getByLabelText(t("sla.levelLabel")) as HTMLSelectElement).value).toBe("csc-restore-p3");
    expect((screen.getByLabelText(t("sla.dateLabel")) as HTMLInputElement).value).toBe("2026-12-01");
    expect((screen.getByLabelText(t("sla.timeLabel")) as HTMLInputElement).value).toBe("09:00");
    expect(summary()).toContain("Échéance : le mercredi 2 décembre 2026 à 11 h.");
    expect(summary()).toContain("80 % des cas");
    expect(params().get("date")).toBe("2026-12-01");
    expect(params().get("time")).toBe("09:00");
  });
  test("an unknown level in the address says so on the select", async () => {
    const { t } = await mount("?level=nope");
    const select = screen.getByLabelText(t("sla.levelLabel"));
    expect(select.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById(select.getAttribute("aria-describedby")!.split(" ")[1]!);
    expect(error?.textContent).toBe(t("sla.error.unknownLevel"));
  });
});

describe("results by kind of level", () => {
  test("business days: the end of the last counted day, holidays named in the working", async () => {
    const { summary, steps } = await mount("?level=telephony-analog-reprogram-1-5&date=2026-12-23&time=15:00");
    expect(summary()).toContain("Échéance : le mercredi 6 janvier 2027 à 0 h, soit à la fin de la journée du mardi 5 janvier 2027.");
    expect(steps()).toContain("Jeudi 24 décembre 2026 : Veille de Noël, jour férié, non compté.");
    expect(steps()).toContain("Samedi 26 décembre 2026 et dimanche 27 décembre 2026 : fin de semaine, non comptés.");
    expect(steps()[steps().length - 1]).toBe("Échéance atteinte le mercredi 6 janvier 2027 à 0 h.");
  });
  test("English, business hours from outside the window", async () => {
    const { summary, steps } = await mount("?level=mobility-reset-voicemail-password&date=2026-12-04&time=18:00", "en");
    expect(summary()).toBe("Due: Monday, December 7, 2026 at 12:00 p.m.");
    expect(steps()).toContain("Counting starts when the next service window opens, on Monday, December 7, 2026 at 8:00 a.m.");
  });
  test("a range gives the earliest and the latest date", async () => {
    const { summary } = await mount("?level=telephony-toll-free-complex&date=2026-12-01&time=09:00");
    expect(summary()).toContain("Au plus tôt (10 jours ouvrables) : le mercredi 16 décembre 2026 à 0 h.");
    expect(summary()).toContain("Au plus tard (20 jours ouvrables) : le jeudi 7 janvier 2027 à 0 h.");
  });
  test("by agreement: no deadline", async () => {
    const { summary, t } = await mount("?level=telephony-analog-install-15-plus");
    expect(summary()).toContain(plain(t("sla.byAgreement")));
    expect(screen.queryByLabelText(t("sla.dateLabel"))).toBeNull();
  });
  test("availability: the downtime per month of 28, 30 and 31 days", async () => {
    const { container } = await mount("?level=telephony-small-systems-availability");
    const rows = [...container.querySelectorAll(".ddc-downtime tbody tr")].map((r) => plain(r.textContent));
    expect(rows).toEqual(["Mois de 28 jours3 h 21 min 36 s", "Mois de 30 jours3 h 36 min", "Mois de 31 jours3 h 43 min 12 s"]);
  });
  test("quarter end: asks for the quarter, not a reception time", async () => {
    const { t, summary, params } = await mount("?level=mobility-quarterly-expense-report&quarter=2026-03-31");
    expect(screen.queryByLabelText(t("sla.dateLabel"))).toBeNull();
    expect((screen.getByLabelText(t("sla.quarterLabel")) as HTMLSelectElement).value).toBe("2026-03-31");
    expect(summary()).toContain("fin de la journée du jeudi 23 avril 2026");
    expect(params().get("quarter")).toBe("2026-03-31");
    expect(params().has("date")).toBe(false);
  });
  test("billing date: defaults to today", async () => {
    const { t, summary } = await mount("?level=mobility-billing-reports");
    expect((screen.getByLabelText(t("sla.billingDateLabel")) as HTMLInputElement).value).toBe("2026-12-01");
    expect(summary()).toContain("fin de la journée du mercredi 6 janvier 2027");
  });
  test("the interpretation note is shown with the result", async () => {
    const { container, t } = await mount("?level=csc-restore-p1");
    const note = within(container.querySelector(".ddc-note") as HTMLElement);
    expect(note.getByText(t("sla.note.intro"))).toBeTruthy();
    expect(note.getByText(t("sla.note.elapsed"))).toBeTruthy();
    expect(note.getByText(t("sla.note.pauses"))).toBeTruthy();
  });
});

describe("editing", () => {
  test("changing the time updates the result and the address", async () => {
    const { t, summary, params } = await mount("?level=csc-restore-p1&date=2026-12-01&time=09:00");
    expect(summary()).toContain("à 12 h");
    await act(async () => {
      fireEvent.input(screen.getByLabelText(t("sla.timeLabel")), { target: { value: "10:30" } });
    });
    expect(summary()).toContain("à 13 h 30");
    expect(params().get("time")).toBe("10:30");
  });
  test("an invalid date is tied to its field and the result asks for a correction", async () => {
    const { t, summary } = await mount("?level=csc-restore-p1&date=2026-12-01&time=09:00");
    const date = screen.getByLabelText(t("sla.dateLabel"));
    await act(async () => {
      fireEvent.input(date, { target: { value: "" } });
    });
    expect(date.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(date.getAttribute("aria-describedby")!)?.textContent).toBe(t("sla.error.date"));
    expect(summary()).toBe(plain(t("sla.fixErrors")));
  });
  test("pauses: add, fill, see the effect, catch an end before the start, remove", async () => {
    const { t, summary, steps, params } = await mount("?level=csc-restore-p1&date=2026-12-01&time=09:00");
    expect(screen.queryByText(t("sla.pausesLegend"))).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: t("sla.addPause") }));
    });
    const fromTime = screen.getByLabelText(t("sla.pauseFromTime"));
    expect(document.activeElement).toBe(screen.getByLabelText(t("sla.pauseFromDate")));
    await act(async () => {
      fireEvent.input(fromTime, { target: { value: "10:00" } });
      fireEvent.input(screen.getByLabelText(t("sla.pauseToTime")), { target: { value: "11:00" } });
    });
    expect(summary()).toContain("à 13 h");
    expect(steps()).toContain("Pause du mardi 1er décembre 2026 à 10 h au mardi 1er décembre 2026 à 11 h : le décompte est arrêté pendant 1 h.");
    expect(params().getAll("pause")).toEqual(["2026-12-01T10:00/2026-12-01T11:00"]);
    await act(async () => {
      fireEvent.input(screen.getByLabelText(t("sla.pauseToTime")), { target: { value: "09:30" } });
    });
    const toDate = screen.getByLabelText(t("sla.pauseToDate"));
    expect(toDate.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(toDate.getAttribute("aria-describedby")!)?.textContent).toBe(t("sla.error.pauseOrder"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: t("sla.removePause", { number: 1 }) }));
    });
    expect(screen.queryByLabelText(t("sla.pauseFromDate"))).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: t("sla.addPause") }));
    expect(summary()).toContain("à 12 h");
    expect(params().getAll("pause")).toEqual([]);
  });
  test("pauses from the address are applied, and a level that does not pause hides them", async () => {
    const { t, summary, container } = await mount("?level=csc-restore-p1&date=2026-12-01&time=09:00&pause=2026-12-01T10:00/2026-12-01T11:00&pause=2026-12-01T10:30/2026-12-01T11:30");
    expect(summary()).toContain("à 13 h 30");
    await act(async () => {
      fireEvent.change(screen.getByLabelText(t("sla.levelLabel")), { target: { value: "telephony-toll-free-simple" } });
    });
    expect(container.querySelector(".ddc-pauses")).toBeNull();
    expect(new URLSearchParams(window.location.search).getAll("pause")).toEqual([]);
  });
  test("the submit button takes the reader to the result heading", async () => {
    const { container, t } = await mount("?level=csc-restore-p1");
    fireEvent.click(screen.getByRole("button", { name: t("sla.submit") }));
    const heading = container.querySelector(".ddc-result h2, .ddc-result h3");
    expect(heading?.textContent).toBe(t("sla.resultHeading"));
    expect(document.activeElement).toBe(heading);
  });
  test("the result is in a polite live region", async () => {
    const { container } = await mount("?level=csc-restore-p1");
    const live = container.querySelector("[aria-live]");
    expect(live?.getAttribute("aria-live")).toBe("polite");
    expect(live?.textContent).toContain("Échéance");
  });
});
