/** Reading incident CSVs (separators, BOM, quoting, header guesses, times, priorities, pauses) and writing the report. */
import { describe, expect, test } from "vitest";
import {
  csvCell, csvHours, csvRows, detectSeparator, guessMapping, missingFields, parseInstant, parsePauses, parsePriority,
  reportCsv, rowToIncident, stripBom,
} from "../../../src/lib/attainment/csv.ts";
import { assessWithProfile, profileOf, type AssessedIncident } from "../../../src/lib/attainment/index.ts";
import { sampleCsv } from "../../../src/lib/attainment/sample.ts";
import { q, wall } from "../sla/helpers.ts";

const cau = profileOf("cau");
const csc = profileOf("csc");
const rows = (text: string) => [...csvRows(stripBom(text), detectSeparator(stripBom(text)))];

describe("reading CSV text", () => {
  test("`,` or `;`, with or without BOM, CRLF or LF, quoted fields with separators, quotes and line breaks", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator("a,b,c\n1;2;3")).toBe(",");
    expect(detectSeparator('"a;b",c,d')).toBe(",");
    const text = '\ufeffNuméro;Pauses\r\nA-1;"2026-12-01 10:00/2026-12-01 11:00;2026-12-01 12:00/2026-12-01 13:00"\r\n\r\n"B ""2""";"x\ny"\n';
    expect(rows(text)).toEqual([
      { line: 1, cells: ["Numéro", "Pauses"] },
      { line: 2, cells: ["A-1", "2026-12-01 10:00/2026-12-01 11:00;2026-12-01 12:00/2026-12-01 13:00"] },
      { line: 4, cells: ['B "2"', "x\ny"] },
    ]);
    expect(rows("a,b\n1,2")).toEqual([{ line: 1, cells: ["a", "b"] }, { line: 2, cells: ["1", "2"] }]);
  });

  test.each([
    [["Numéro", "Priorité", "Reçu le", "Rétabli le", "En attente"], { ref: 0, priority: 1, received: 2, restored: 3, pauses: 4 }],
    [["Ticket", "Priority", "Received", "Restored", "Waiting on user"], { ref: 0, priority: 1, received: 2, restored: 3, pauses: 4 }],
    [["Incident ID", "Opened", "Resolved", "Severity", "On hold"], { ref: 0, received: 1, restored: 2, priority: 3, pauses: 4 }],
    [["No de billet", "Date de réception", "Date de résolution", "Priorité", "Commentaire"], { ref: 0, received: 1, restored: 2, priority: 3, pauses: -1 }],
    [["Description", "Statut"], { ref: -1, priority: -1, received: -1, restored: -1, pauses: -1 }],
  ])("guesses %j", (headers, mapping) => {
    expect(guessMapping(headers)).toEqual(mapping);
  });

  test("missing required fields", () => {
    expect(missingFields(guessMapping(["Description", "Priorité"]))).toEqual(["ref", "received"]);
    expect(missingFields(guessMapping(["Numéro", "Priorité", "Reçu"]))).toEqual([]);
  });
});

describe("reading values", () => {
  test("times: ISO 8601 with an offset, or Québec wall clock", () => {
    expect(parseInstant("2026-12-01T09:00:00-05:00")?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(parseInstant("2026-12-01T14:00Z")?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(parseInstant("2026-07-01 09:00:00+0000")?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(parseInstant("2026-07-01 09:00")?.toISOString()).toBe("2026-07-01T13:00:00.000Z"); // EDT
    expect(parseInstant("2026-12-01 09:00")?.toISOString()).toBe("2026-12-01T14:00:00.000Z"); // EST
    expect(parseInstant(" 2026-12-01T09:30:15 ")?.toISOString()).toBe("2026-12-01T14:30:15.000Z");
    for (const bad of ["", "01/12/2026 09:00", "2026-02-30 09:00", "2026-02-30T09:00Z", "2026-12-01", "2026-12-01 25:00", "demain"]) {
      expect(parseInstant(bad), bad).toBeUndefined();
    }
  });

  test("priorities: 1, P1, the centre's severity names in either language, case and accents ignored", () => {
    expect(parsePriority("1", cau)).toBe(1);
    expect(parsePriority("p4", cau)).toBe(4);
    expect(parsePriority("P2 - Majeur", cau)).toBe(2);
    expect(parsePriority("Critique", cau)).toBe(1);
    expect(parsePriority("majeur", cau)).toBe(2);
    expect(parsePriority("Élevé", csc)).toBe(2);
    expect(parsePriority("eleve", csc)).toBe(2);
    expect(parsePriority("Modérée", csc)).toBe(3);
    expect(parsePriority("Significant", cau)).toBe(3);
    expect(parsePriority("Majeur", csc)).toBeUndefined(); // the CSC calls P2 « Élevé »
    expect(parsePriority("P6", cau)).toBeUndefined();
    expect(parsePriority("", cau)).toBeUndefined();
  });

  test("pauses: from/to pairs separated by ;", () => {
    expect(parsePauses("")).toEqual([]);
    const pauses = parsePauses("2026-12-01 10:00/2026-12-01 11:00; 2026-12-01T17:00:00Z/2026-12-01T18:00:00Z")!;
    expect(pauses.map((p) => [wall(p.from), wall(p.to)])).toEqual([["2026-12-01 10:00", "2026-12-01 11:00"], ["2026-12-01 12:00", "2026-12-01 13:00"]]);
    expect(parsePauses("2026-12-01 10:00")).toBeUndefined();
    expect(parsePauses("2026-12-01 10:00/hier")).toBeUndefined();
  });

  test("rows become incidents, or errors with their line number", () => {
    const mapping = { ref: 0, priority: 1, received: 2, restored: 3, pauses: 4 };
    expect(rowToIncident(2, ["A", "P1", "2026-12-01 09:00", "", ""], mapping, cau)).toEqual({ line: 2, incident: { ref: "A", priority: 1, received: q("2026-12-01 09:00") } });
    expect(rowToIncident(3, ["", "P1", "2026-12-01 09:00"], mapping, cau)).toMatchObject({ line: 3, reason: "missing-ref" });
    expect(rowToIncident(4, ["B", "P9", "2026-12-01 09:00"], mapping, cau)).toMatchObject({ line: 4, ref: "B", reason: "unknown-priority" });
    expect(rowToIncident(5, ["C", "1", "hier"], mapping, cau)).toMatchObject({ reason: "invalid-received" });
    expect(rowToIncident(6, ["D", "1", "2026-12-01 09:00", "plus tard"], mapping, cau)).toMatchObject({ reason: "invalid-restored" });
    expect(rowToIncident(7, ["E", "1", "2026-12-01 09:00", "", "10:00/11:00"], mapping, cau)).toMatchObject({ reason: "invalid-pause" });
  });
});

describe("writing the report's CSV", () => {
  const labels = { header: ["Ligne", "Numéro", "Priorité", "Niveau", "Reçu", "Rétabli", "Échéance", "Résultat", "Retard (h)"], outcome: { met: "respecté", missed: "non respecté", open: "ouvert", overdue: "ouvert, en retard" } };
  test("French: BOM, `;`, decimal comma, Québec time; spreadsheet formulas neutralised", () => {
    const incident: AssessedIncident = {
      ref: "=HYPERLINK(1)", priority: 3, levelId: "cau-restore-p3", received: q("2026-12-01 09:00"), restored: q("2026-12-02 12:15"),
      due: q("2026-12-02 11:00"), met: false, late: 75 * 60_000, outcome: "missed",
    };
    const text = reportCsv([{ line: 2, incident }], "fr", labels);
    expect(text.startsWith("\ufeffLigne;Numéro;")).toBe(true);
    expect(text.split("\r\n")[1]).toBe("2;'=HYPERLINK(1);P3;cau-restore-p3;2026-12-01 09:00;2026-12-02 12:15;2026-12-02 11:00;non respecté;1,25");
    expect(reportCsv([{ line: 2, incident }], "en", labels).split("\r\n")[1]!.endsWith(",1.25")).toBe(true);
  });
  test("cells and hours", () => {
    expect(csvCell('a;"b"', ";")).toBe('"a;""b"""');
    expect(csvCell("a,b", ";")).toBe("a,b");
    expect(csvHours(90 * 60_000, "fr")).toBe("1,50");
    expect(csvHours(3_600_000 * 100 + 36_000, "en")).toBe("100.01");
  });
});

describe("the sample files", () => {
  test.each([["cau", "fr"], ["cau", "en"], ["csc", "fr"], ["csc", "en"]] as const)("%s %s: read back with the guessed mapping, every priority met and missed", (centre, lang) => {
    const profile = profileOf(centre);
    const text = sampleCsv(profile, lang);
    expect(text.startsWith("\ufeff")).toBe(true);
    const [header, ...data] = rows(text);
    const mapping = guessMapping(header!.cells);
    expect(missingFields(mapping)).toEqual([]);
    expect(mapping.restored).toBe(3);
    expect(mapping.pauses).toBe(4);
    const results = data.map(({ line, cells }) => rowToIncident(line, cells, mapping, profile));
    const errors = results.filter((r) => "reason" in r);
    expect(errors).toEqual([]);
    expect(data.every(({ cells }) => cells[0]!.startsWith(lang === "fr" ? "EXEMPLE-" : "SAMPLE-"))).toBe(true);
    const report = assessWithProfile(results.map((r) => ("incident" in r ? r.incident : (undefined as never))), profile, { asOf: q("2026-11-15 12:00") });
    expect(report.invalid.map((i) => i.reason)).toEqual(["restored-before-received"]);
    for (const p of [1, 2, 3, 4, 5] as const) {
      expect(report.byPriority[p].met, `P${p}`).toBeGreaterThan(0);
      expect(report.byPriority[p].missed, `P${p}`).toBeGreaterThan(0);
    }
    expect(report.incidents.filter((i) => i.outcome === "overdue")).toHaveLength(2);
  });
  test("the same in both languages (same figures)", () => {
    const figures = (lang: "fr" | "en") => {
      const [header, ...data] = rows(sampleCsv(cau, lang));
      const mapping = guessMapping(header!.cells);
      const incidents = data.map(({ line, cells }) => rowToIncident(line, cells, mapping, cau)).flatMap((r) => ("incident" in r ? [r.incident] : []));
      return assessWithProfile(incidents, cau, { asOf: q("2026-11-15 12:00") }).byPriority;
    };
    expect(figures("en")).toEqual(figures("fr"));
  });
});
