/**
 * The example file of each centre: a made-up month of incidents (October 2026), marked as an example in its first
 * column's values (« EXEMPLE- » / "SAMPLE-"). Deterministic, so the page, the browser test and the reader see the
 * same figures. Deadlines come from the engine, then each restoration is placed before or after its deadline so
 * that every priority has met and missed incidents; two stay open and one row is wrong on purpose (restored before
 * received) to show how errors are reported.
 */
import { dueInstant } from "../sla/fast-path.ts";
import { BOM, csvCell, quebecText } from "./csv.ts";
import type { CentreProfile, Priority } from "./core.ts";
import { seededRandom as random } from "../seeded-random.ts";

const HOUR = 3_600_000;


const text = quebecText;

/** How many incidents of each priority, and how many of them are restored late. */
const PLAN: Record<Priority, { count: number; late: number }> = {
  1: { count: 4, late: 1 },
  2: { count: 7, late: 1 },
  3: { count: 16, late: 4 },
  4: { count: 12, late: 2 },
  5: { count: 6, late: 1 },
};

export const SAMPLE_HEADERS = {
  fr: ["Numéro", "Priorité", "Reçu le", "Rétabli le", "En attente de l'utilisateur"],
  en: ["Ticket", "Priority", "Received", "Restored", "Waiting on user"],
} as const;

/** The sample CSV of a centre in a language (UTF-8 with BOM; `;` in French, `,` in English). */
export function sampleCsv(profile: CentreProfile, lang: "fr" | "en"): string {
  const next = random(profile.centre === "cau" ? 2026 : 1410);
  const sep = lang === "fr" ? ";" : ",";
  const prefix = lang === "fr" ? "EXEMPLE" : "SAMPLE";
  const rows: string[][] = [];
  const start = Date.parse("2026-10-01T12:00:00Z");
  let n = 0;
  for (const level of profile.levels) {
    const { count, late } = PLAN[level.priority];
    for (let i = 0; i < count; i++) {
      n++;
      // Spread over the month, mostly in office hours.
      const day = Math.floor(next() * 30);
      const received = new Date(start + day * 24 * HOUR + Math.floor(next() * 8 * HOUR) - HOUR);
      const pauses: Array<{ from: Date; to: Date }> = [];
      if (level.pausable && i % 4 === 1) {
        const from = new Date(received.getTime() + HOUR);
        pauses.push({ from, to: new Date(from.getTime() + Math.floor((1 + next() * 20) * HOUR)) });
      }
      const due = dueInstant(level.rule, received, { pauses });
      const isLate = i < late;
      const offset = isLate ? Math.floor((0.25 + next() * 6) * HOUR) : -Math.floor(next() * 0.9 * (due.getTime() - received.getTime()));
      let restored = new Date(due.getTime() + offset);
      const lastPause = pauses[pauses.length - 1];
      if (lastPause && restored < lastPause.to) restored = new Date(lastPause.to.getTime() + 5 * 60_000);
      const priorityText = i % 3 === 0 ? `P${level.priority}` : i % 3 === 1 ? String(level.priority) : level.severity[lang];
      rows.push([
        `${prefix}-${profile.centre.toUpperCase()}-${String(n).padStart(3, "0")}`,
        priorityText,
        i % 5 === 4 ? new Date(Math.floor(received.getTime() / 60_000) * 60_000).toISOString().replace(".000Z", "Z") : text(received),
        text(restored),
        pauses.map((p) => `${text(p.from)}/${text(p.to)}`).join(";"),
      ]);
    }
  }
  // Two incidents still open at the end of the month, one wrong on purpose.
  const ref = () => `${prefix}-${profile.centre.toUpperCase()}-${String(++n).padStart(3, "0")}`;
  rows.push([ref(), "P3", "2026-10-30 15:00", "", ""]);
  rows.push([ref(), "P5", "2026-10-30 10:00", "", ""]);
  rows.push([ref(), "P4", "2026-10-20 14:00", "2026-10-19 09:00", ""]);
  rows.sort((a, b) => (a[2]! < b[2]! ? -1 : 1));
  const lines = [SAMPLE_HEADERS[lang], ...rows].map((row) => row.map((cell) => csvCell(cell, sep)).join(sep));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
