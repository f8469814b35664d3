/**
 * Completeness of the catalogue against the five French source pages (the "seeds"), read from the folder named by
 * SOURCES_DIR (see test/support/sources.ts; without it this file is left out of the run): every email, phone, price,
 * service-level row, footnote, document and severity name printed in a seed is in the data, and the data prints no
 * email or phone the seeds do not.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { allContacts, catalogue, videoconferencePriceList } from "../../../src/data/index.ts";
import type { Service, Target } from "../../../src/data/index.ts";
import { sourcesDir } from "../../support/sources.ts";

const seedsDir = sourcesDir();

function readSeed(file: string): string {
  if (!seedsDir) throw new Error("SOURCES_DIR is not set: this file compares the catalogue with the source pages in that folder.");
  if (!existsSync(seedsDir)) throw new Error(`SOURCES_DIR names ${seedsDir}, which does not exist.`);
  return readFileSync(join(seedsDir, file), "utf8");
}

const seedFiles = catalogue.services.map((s) => s.source);
const allSeeds = () => seedFiles.map(readSeed).join("\n");
const serviceOf = (file: string): Service => catalogue.services.find((s) => s.source === file)!;

/** Text compared loosely: case, spacing, spaces around dashes and a final period do not count. */
const norm = (s: string) =>
  s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").replace(/\s*([-–—/])\s*/g, "$1").replace(/[.\s]+$/, "").trim();

const dataEmails = () => new Set(allContacts().flatMap((c) => c.emails));
const dataPhones = () => allContacts().flatMap((c) => c.phones);

describe("contacts against the seeds", () => {
  test("every email address in the seeds is in the data, and no other", () => {
    const seedEmails = new Set([...allSeeds().matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0].toLowerCase()));
    expect(seedEmails.size).toBe(9);
    expect([...dataEmails()].sort()).toEqual([...seedEmails].sort());
  });

  // "418 644-CSPQ (2777)", "1 855 330-2777", "418 644-1500, poste 2415"
  const phonePattern = /(?:\b1 )?\b(\d{3}) (\d{3})-(?:([A-Z]{4}) \((\d{4})\)|(\d{4}))(?:, poste (\d+))?/g;
  const seedPhones = () =>
    [...allSeeds().matchAll(phonePattern)].map((m) => ({
      printed: m[0],
      e164: `+1${m[1]}${m[2]}${m[4] ?? m[5]}`,
      vanity: m[3],
      extension: m[6],
    }));

  test("every phone number in the seeds (as digits) is in the data, and no other", () => {
    const fromSeeds = new Set(seedPhones().map((p) => p.e164));
    expect(fromSeeds.size).toBe(6);
    expect(new Set(dataPhones().map((p) => p.e164))).toEqual(fromSeeds);
  });

  test("vanity letters and extensions are kept as printed", () => {
    for (const p of seedPhones()) {
      const matches = dataPhones().filter((d) => d.e164 === p.e164);
      expect(matches.some((d) => d.vanity === p.vanity && d.extension === p.extension), `${p.printed} → ${JSON.stringify(matches)}`).toBe(true);
    }
  });

  test("the mobility support matrix matches the seed's table, cell by cell", () => {
    const seed = readSeed("002_72c248de1a989c1f.txt");
    const lines = seed.split("\n");
    const header = lines.findIndex((l) => l.startsWith("Pour toute question relative\t"));
    const rows = lines.slice(header + 1).filter((l) => l.includes("\t") || /@/.test(l)).slice(0, 6).map((l) => l.split("\t"));
    const matrix = serviceOf("002_72c248de1a989c1f.txt").supportMatrix!;
    expect(matrix.carriers.map((c) => [c.name.toUpperCase(), c.rank])).toEqual([["TELUS", 1], ["ROGERS", 2]]);
    expect(matrix.rows).toHaveLength(rows.length);
    rows.forEach(([topic, ...cells], i) => {
      const row = matrix.rows[i]!;
      expect(norm(row.topic.fr)).toBe(norm(topic!));
      const printed = cells.map((c) => c.trim()).filter((c) => c !== "");
      const keys = printed.length === 1 ? ["all"] : ["telus", "rogers"];
      expect(Object.keys(row.cells)).toEqual(keys);
      printed.forEach((text, k) => {
        const cell = row.cells[keys[k]!]!;
        const m = /^(.*?)\s*(?:(1 \d{3} \d{3}-\d{4}) Option (\d))?\s*(\S+@\S+)$/.exec(text)!;
        expect(m, text).not.toBeNull();
        expect(cell.email).toBe(m[4]);
        expect(cell.team?.fr ?? "").toBe(m[1]);
        expect(cell.phone?.e164).toBe(m[2] ? `+${m[2].replace(/\D/g, "")}` : undefined);
        expect(cell.phone?.menuOption).toBe(m[3] ? Number(m[3]) : undefined);
      });
    });
  });
});

describe("prices against seed 001", () => {
  const seed = () => readSeed("001_b2eb2ac1db9d5314.txt");
  const cents = (s: string) => Number(s.replace(/\D/g, ""));

  test("every price amount of the seed is in the price list", () => {
    const list = videoconferencePriceList;
    const amounts = new Set([
      ...list.subscriptions.flatMap((s) => [s.monthlyCents, s.serviceFeeCents]),
      ...list.optional.flatMap((o) => (o.kind === "recording" ? [o.firstHourCents, o.additionalBlockCents] : [o.hourlyCents])),
    ]);
    const printed = [...seed().matchAll(/(\d+,\d{2}) \\?\$/g)].map((m) => cents(m[1]!));
    expect(printed.length).toBe(15);
    for (const amount of printed) expect(amounts, `${amount} cents`).toContain(amount);
  });

  test("each subscription row has its name, rate, unit and service fee", () => {
    const rows = seed().split("\n").filter((l) => /^.+\t[\d,]+ \\?\$\tMensuel .+\t[\d,]+ \\?\$$/.test(l)).map((l) => l.split("\t"));
    expect(rows).toHaveLength(5);
    expect(videoconferencePriceList.subscriptions.map((s) => [s.name.fr, s.monthlyCents, s.unitLabel.fr, s.serviceFeeCents])).toEqual(
      rows.map(([name, rate, unit, fee]) => [name, cents(rate!), unit, cents(fee!)]),
    );
  });

  test("each optional row has its name and rates", () => {
    const rows = seed().split("\n").filter((l) => /^[^\t]+\t[\d,]+ \\?\$( [\d,]+ \\?\$)?\t(Horaire|1 <sup>re)/.test(l)).map((l) => l.split("\t"));
    expect(rows).toHaveLength(4);
    expect(videoconferencePriceList.optional.map((o) => [o.name.fr, ...(o.kind === "recording" ? [o.firstHourCents, o.additionalBlockCents] : [o.hourlyCents])])).toEqual(
      rows.map(([name, rates]) => [name, ...[...rates!.matchAll(/([\d,]+) \\?\$/g)].map((m) => cents(m[1]!))]),
    );
  });
});

interface SeedRow {
  description: string;
  value: string;
  footnotes: string[];
}
interface SeedTable {
  title: string;
  rows: SeedRow[];
}

/** Superscript footnote marks as the seeds print them: ^a, ^{b, c, e}, <sup>b, d e</sup>. */
function splitMarks(cell: string): { text: string; marks: string[] } {
  const marks: string[] = [];
  const text = cell
    .replace(/<sup>([^<]*)<\/sup>|\^\{([^}]*)\}|\^([a-z])(?![a-z])/g, (_, a?: string, b?: string, c?: string) => {
      marks.push(...(a ?? b ?? c ?? "").split(/[,\s]+/).filter((x) => /^[a-z]$/.test(x)));
      return "";
    })
    .replace(/<[^>]+>/g, "")
    .trim();
  return { text, marks };
}

/** The service-level tables of a seed, in the three layouts the seeds use. */
function seedTables(file: string): SeedTable[] {
  const lines = readSeed(file).split("\n");
  const tables: SeedTable[] = [];
  const titleBefore = (i: number) => {
    let j = i - 1;
    while (lines[j]!.trim() === "") j--;
    return lines[j]!.replace(/^#+\s*/, "").replace(/\s*:\s*$/, "").trim();
  };
  const row = (description: string, value: string): SeedRow => {
    const d = splitMarks(description);
    const v = splitMarks(value);
    return { description: d.text, value: v.text, footnotes: [...d.marks, ...v.marks].sort() };
  };
  lines.forEach((line, i) => {
    const plain = line.replace(/<[^>]+>/g, "");
    if (line.startsWith("| Catégorie |")) {
      // Markdown pipes (000): rows follow the separator line.
      const table: SeedTable = { title: titleBefore(i), rows: [] };
      for (let j = i + 2; lines[j]?.startsWith("|"); j++) {
        const [, , description, value] = lines[j]!.split("|").map((c) => c.trim());
        table.rows.push(row(description!, value!));
      }
      tables.push(table);
    } else if (/^Catégorie\tDescription\tNiveaux? de service/.test(plain)) {
      // Tab-separated (002–004): rows until the conditions; a blank line may sit inside the table (003).
      const table: SeedTable = { title: titleBefore(i), rows: [] };
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.trim() === "") continue;
        if (!l.includes("\t") || /^Conditions/.test(l)) break;
        const [, description, value] = l.split("\t");
        table.rows.push(row(description!, value!));
      }
      tables.push(table);
    } else if (/^#### /.test(line) && lines.slice(0, i).some((l) => l.startsWith("## Délais de réalisation"))) {
      // Numbered lists under headings (001): "1. Mise en œuvre … : 22 jours".
      const table: SeedTable = { title: line.replace(/^####\s*(\d+\.|•)\s*/, ""), rows: [] };
      for (let j = i + 1; j < lines.length && !lines[j]!.startsWith("#") && !lines[j]!.startsWith("---"); j++) {
        const m = /^\d+\. (.+) : (\d+ jours)$/.exec(lines[j]!);
        if (m) table.rows.push(row(m[1]!, m[2]!));
      }
      tables.push(table);
    }
  });
  return tables;
}

/** What a printed target must become in the data (docs/interpretations.md §2–8). */
function expectedTarget(value: string, footnotes: string[]): Partial<Target> {
  const n = (s: string) => Number(s.replace(",", "."));
  const rules: Array<[RegExp, (m: RegExpExecArray) => Partial<Target>]> = [
    [/^([\d,]+) % mensuel$/, (m) => ({ kind: "availability", percent: n(m[1]!), period: "month" })],
    [/^Entente commune$/, () => ({ kind: "by-agreement" })],
    [/^(\d+) à (\d+) jours ouvrables/, (m) => ({ kind: "business-days-range", min: n(m[1]!), max: n(m[2]!) })],
    [/^(\d+) jours ouvrables/, (m) => ({ kind: "business-days", amount: n(m[1]!) })],
    [/^(\d+) jours$/, (m) => ({ kind: "calendar-days", amount: n(m[1]!) })],
    [/^(\d+) heures ouvrables$/, (m) => ({ kind: "business-hours", amount: n(m[1]!), unit: "hours" })],
    [/^(\d+) minutes/, (m) => ({ kind: "business-hours", amount: n(m[1]!), unit: "minutes" })],
    [/^(\d+) secondes et moins/, (m) => ({ kind: "business-hours", amount: n(m[1]!), unit: "seconds", orLess: true })],
    // Help desk: condition c is "24/7" (elapsed), d a business-hour window.
    [/^(\d+) heures dans/, (m) => (footnotes.includes("c") ? { kind: "elapsed", amount: n(m[1]!), unit: "hours" } : { kind: "business-hours", amount: n(m[1]!), unit: "hours", printedAs: "duration" })],
    [/^(\d+) % des incidents résolus$/, (m) => ({ kind: "share", percent: n(m[1]!) })],
  ];
  for (const [pattern, build] of rules) {
    const m = pattern.exec(value);
    if (m) return build(m);
  }
  throw new Error(`No rule for the printed service level "${value}"`);
}

describe.each(seedFiles)("service levels of %s", (file) => {
  test("every table of the seed is in the data, with one level per row", () => {
    const tables = seedTables(file);
    const service = serviceOf(file);
    expect(tables.length, "tables found in the seed").toBeGreaterThan(0);
    expect(service.serviceLevelTables.map((t) => `${norm(t.title.fr)}: ${t.levels.length}`)).toEqual(tables.map((t) => `${norm(t.title)}: ${t.rows.length}`));
  });

  test("each row keeps its description, target, attainment and footnote marks", () => {
    const service = serviceOf(file);
    seedTables(file).forEach((table, t) => {
      table.rows.forEach((row, r) => {
        const level = service.serviceLevelTables[t]!.levels[r]!;
        const where = `${level.id} ← « ${row.description} | ${row.value} »`;
        expect(norm(level.description.fr), where).toBe(norm(row.description));
        expect(level.target, where).toMatchObject(expectedTarget(row.value, row.footnotes));
        const attainment = /dans (\d+) % (?:des )?cas/.exec(row.value);
        expect(level.attainment, where).toBe(attainment ? Number(attainment[1]) : undefined);
        expect([...level.footnotes].sort(), where).toEqual(row.footnotes);
      });
    });
  });

  test("conditions: lettered as printed, null for « S. O. », omitted where none is printed", () => {
    const service = serviceOf(file);
    const text = readSeed(file);
    const soCount = (text.match(/^S\. O\.$/gm) ?? []).length;
    expect(service.serviceLevelTables.filter((t) => t.conditions === null && !t.conditionsOmitted)).toHaveLength(soCount);
    // Help-desk seeds letter their conditions ("a. Traité …"); the mobility seed lists them in order of their marks.
    const flat = norm(text.replace(/\^/g, ""));
    const lettered = /\ba\. Traité/.test(text);
    for (const table of service.serviceLevelTables) {
      for (const c of table.conditions ?? []) {
        const start = norm(c.text.fr.slice(0, 40));
        expect(flat, `${table.id} ${c.ref}`).toContain(lettered ? `${c.ref}. ${start}` : start);
      }
    }
  });
});

describe("documents, severities and dates against the seeds", () => {
  test.each(seedFiles)("every [text](#) link of %s is a document of its service, without a link", (file) => {
    const service = serviceOf(file);
    const linked = [...readSeed(file).matchAll(/\[([^\]]+)\]\(#\)/g)].map((m) => m[1]!).filter((t) => !t.startsWith("Gouvernement du Québec"));
    const titles = service.documents.map((d) => norm(d.title.fr));
    for (const t of linked) expect(titles, t).toContain(norm(t));
    expect(new Set(titles).size).toBe(new Set(linked.map(norm)).size);
  });

  test.each([
    ["003_23b40c16208deaae.txt", "csc"],
    ["004_e358e4faca8f646d.txt", "cau"],
  ] as const)("the priority matrix of %s keeps its severity names (%s)", (file, id) => {
    const printed = [...readSeed(file).matchAll(/^(?:<b>)?([1-5])(?:<\/b>)?\t(?:<b>)?([^<\t]+)/gm)].map((m) => [Number(m[1]), m[2]!.trim()]);
    expect(printed).toHaveLength(5);
    expect(catalogue.services.find((s) => s.id === id)?.priorityMatrix?.map((p) => [p.priority, p.severity.fr])).toEqual(printed);
  });

  test.each(seedFiles)("the last update and copyright year of %s are as printed", (file) => {
    const text = readSeed(file);
    const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    const updated = /Dernière mise à jour : (\d{1,2}) (\S+) (\d{4})/.exec(text);
    const expected = updated ? `${updated[3]}-${String(months.indexOf(updated[2]!) + 1).padStart(2, "0")}-${updated[1]!.padStart(2, "0")}` : undefined;
    const copyright = /© \[?Gouvernement du Québec(?:\]\(#\))?, (\d{4})/.exec(text);
    const service = serviceOf(file);
    expect(service.lastUpdated).toBe(expected);
    expect(service.copyrightYear).toBe(copyright ? Number(copyright[1]) : undefined);
  });
});
