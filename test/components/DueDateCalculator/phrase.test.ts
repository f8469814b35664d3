/**
 * The calculator's working reads in time order: a pause appears where it happens, just before the day it
 * shortened, and that day's line says in one sentence what was counted and what the pause removed.
 */
import { describe, expect, test } from "vitest";
import { evaluateLevel, quebecInstant } from "../../../src/lib/sla/index.ts";
import { inTimeOrder, stepSentences } from "../../../src/components/DueDateCalculator/phrase.ts";
import { levelGroups } from "../../../src/components/DueDateCalculator/groups.ts";
import { createTranslator } from "../../../src/i18n/translator.ts";
import { pickStrings, type Lang } from "../../../src/i18n/index.ts";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function working(lang: Lang, received: [string, string], pauses: Array<[string, string, string, string]>) {
  const level = levelGroups(lang).flatMap((g) => g.levels).find((l) => l.id === "csc-restore-p3")!;
  const result = evaluateLevel(level, {
    from: "request",
    receivedAt: quebecInstant(...received),
    pauses: pauses.map(([fd, ft, td, tt]) => ({ from: quebecInstant(fd, ft), to: quebecInstant(td, tt) })),
  });
  if (result.kind !== "deadline") throw new Error("expected a deadline");
  return { steps: result.steps, sentences: stepSentences(result.steps, createTranslator(pickStrings(lang, "sla."), lang), lang).map(plain) };
}

describe("the working in time order", () => {
  test("the issue's example: the pause comes before the Monday it shortened, which names it (fr)", () => {
    const { sentences } = working("fr", ["2026-11-27", "15:00"], [["2026-11-30", "10:00", "2026-11-30", "14:00"]]);
    const pause = sentences.findIndex((s) => s.startsWith("Pause du lundi 30 novembre"));
    const monday = sentences.findIndex((s) => s.startsWith("Lundi 30 novembre 2026 :"));
    expect(pause).toBeGreaterThan(-1);
    expect(monday).toBe(pause + 1);
    expect(sentences[monday]).toBe("Lundi 30 novembre 2026 : 4 h comptées, de 8 h 30 à 16 h 30 moins la pause de 10 h à 14 h (cumul : 5 h 30 min).");
    expect(sentences.at(-1)).toBe("Échéance atteinte le mardi 1er décembre 2026 à 13 h.");
  });

  test("a pause over two days: the stretches end and start at its edges, in order around it (en)", () => {
    const { sentences } = working("en", ["2026-11-30", "08:30"], [["2026-11-30", "15:00", "2026-12-01", "10:00"]]);
    const monday = sentences.findIndex((s) => s.startsWith("Monday, November 30, 2026:"));
    expect(sentences[monday]).toBe("Monday, November 30, 2026: 6 h 30 min counted, from 8:30 a.m. to 3:00 p.m. (total so far: 6 h 30 min).");
    expect(sentences[monday + 1]).toMatch(/^Pause from Monday, November 30, 2026 at 3:00 p\.m\. to Tuesday/);
    expect(sentences[monday + 2]).toMatch(/^Tuesday, December 1, 2026: 3 h 30 min counted, from 10:00 a\.m\./);
  });

  test("every step is kept, none twice, and the deadline stays last", () => {
    const { steps } = working("fr", ["2026-11-27", "15:00"], [
      ["2026-11-28", "10:00", "2026-11-28", "12:00"],
      ["2026-11-30", "10:00", "2026-11-30", "11:00"],
      ["2026-12-09", "10:00", "2026-12-09", "11:00"],
    ]);
    const ordered = inTimeOrder(steps);
    expect(ordered).toHaveLength(steps.length);
    expect(new Set(ordered)).toEqual(new Set(steps));
    const last = ordered.filter((s) => s.kind !== "pause").at(-1);
    expect(last?.kind).toBe("due");
  });
});
