/**
 * The inbox's CSV export is the command line's (`npm run submissions -- export`, src/lib/forms/export.ts):
 * the same columns, fr-CA with `;` (en with `,`), UTF-8 with a byte-order mark, formula-looking cells neutralised.
 */
import { toCsv } from "../../src/lib/forms/export.ts";
import { quebecWallClock } from "../../src/lib/sla/quebec-time.ts";
import type { AdminRecord } from "../../src/lib/submissions/record.ts";

export function exportCsv(records: AdminRecord[], lang: "fr" | "en"): string {
  return toCsv(records, lang);
}

/** The download's name: the Québec calendar day of the export. */
export function csvFileName(now: Date): string {
  return `demandes-${quebecWallClock(now).date}.csv`;
}
