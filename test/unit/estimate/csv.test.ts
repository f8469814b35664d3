import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  computeEstimate, csvAmount, csvField, csvFileName, CSV_BOM, MAX_QUANTITY, summarizeEstimate, toCsv, type Estimate,
} from "../../../src/lib/estimate/index.ts";
import { priceList, subscription } from "./price-list.ts";
import { useTranslations } from "../../../src/i18n/index.ts";

const worked: Estimate = computeEstimate(priceList, {
  version: priceList.version, startMonth: 10, lines: [
    { kind: "subscription", item: "standard", quantity: 10 },
    { kind: "subscription", item: "web-collaboration-200", quantity: 1000 },
    { kind: "recording", item: "recording", sessions: 4, minutes: 90 },
    { kind: "hourly", item: "training", hours: 3 },
  ],
});

/** A minimal RFC 4180 reader, to check that what the CSV says is what a spreadsheet would read. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  return rows;
}

describe("csvAmount: plain decimals a spreadsheet reads as numbers", () => {
  test.each([
    [0, "fr", "0,00"], [5, "fr", "0,05"], [5610, "fr", "56,10"], [120_000, "fr", "1200,00"], [100_000_000, "fr", "1000000,00"],
    [0, "en", "0.00"], [5610, "en", "56.10"], [120_000, "en", "1200.00"],
  ] as const)("%i cents in %s is %s", (cents, lang, text) => expect(csvAmount(cents, lang)).toBe(text));
  test.each([-1, 1.5])("refuses %d", (cents) => expect(() => csvAmount(cents, "fr")).toThrow(RangeError));
});

describe("csvField quotes only where needed", () => {
  test.each([
    ["Formation", ";", "Formation"],
    ["Collaboration, conférence web", ";", "Collaboration, conférence web"],
    ["Collaboration, conférence web", ",", '"Collaboration, conférence web"'],
    ["a;b", ";", '"a;b"'],
    ['dit "oui"', ";", '"dit ""oui"""'],
    ["deux\nlignes", ",", '"deux\nlignes"'],
  ])("%j with %j", (value, sep, expected) => expect(csvField(value, sep)).toBe(expected));
});

describe("toCsv", () => {
  test("French: BOM, semicolons, decimal comma, French header, CRLF", () => {
    const csv = toCsv(worked, "fr", useTranslations("fr"));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Service;Unité;Quantité;Prix unitaire ($);Montant mensuel ($);Frais de service uniques ($)");
    expect(lines[1]).toBe(`${subscription("standard").name.fr};Mensuel par terminal;10;15,00;150,00;1000,00`);
    // The name holds a comma but not a semicolon: French CSV does not need to quote it.
    expect(lines[2]).toBe(`${subscription("web-collaboration-200").name.fr};Mensuel par licence;1000;56,10;56100,00;100000,00`);
    expect(lines[3]).toBe("Enregistrement de visioconférence;Par séance de 90 min;4;100,00;400,00;0,00");
    expect(lines[4]).toBe("Formation;Horaire;3;90,00;270,00;0,00");
    expect(lines[5]).toBe("");
    expect(lines.slice(6, 13)).toEqual([
      "Sous-total mensuel;56920,00",
      "Frais de service uniques (à l'activation);101000,00",
      "Total du premier mois;157920,00",
      "Total sur 12 mois;784040,00",
      "Total de l'exercice financier (début en octobre, 6 mois);442520,00",
      "Grille tarifaire;2017-08-24",
      // The note holds a semicolon: quoted.
      '"Montants aux tarifs publiés; la source ne mentionne pas les taxes."',
    ]);
  });

  test("English: BOM, commas, decimal point, English header, names with commas quoted", () => {
    const csv = toCsv(worked, "en", useTranslations("en"));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1), ",");
    expect(rows[0]).toEqual(["Service", "Unit", "Quantity", "Unit price ($)", "Monthly amount ($)", "One-time service fees ($)"]);
    expect(csv).toContain(`"${subscription("web-collaboration-200").name.en}",Monthly per licence,1000,56.10,56100.00,100000.00\r\n`);
    expect(rows[3]).toEqual(["Videoconference recording", "Per session of 90 min", "4", "100.00", "400.00", "0.00"]);
    expect(rows.slice(6, 11)).toEqual([
      ["Monthly subtotal", "56920.00"],
      ["One-time service fees (at activation)", "101000.00"],
      ["First month total", "157920.00"],
      ["12-month total", "784040.00"],
      ["Fiscal-year total (starting in October, 6 months)", "442520.00"],
    ]);
  });

  test("an empty estimate still has its header and zero totals", () => {
    const csv = toCsv(computeEstimate(priceList, { version: priceList.version, startMonth: 4, lines: [] }), "en", useTranslations("en"));
    const rows = parseCsv(csv.slice(1), ",");
    expect(rows[0]?.[0]).toBe("Service");
    expect(rows[1]).toEqual([""]);
    expect(rows[2]).toEqual(["Monthly subtotal", "0.00"]);
  });

  test("property: in both languages every line row has 6 fields and its amounts read back as the cents", () => {
    const item = fc.constantFrom(...priceList.subscriptions.map((s) => s.id));
    fc.assert(fc.property(item, fc.integer({ min: 0, max: MAX_QUANTITY }), fc.constantFrom("fr" as const, "en" as const), (id, quantity, lang) => {
      const e = computeEstimate(priceList, { version: priceList.version, startMonth: 4, lines: [{ kind: "subscription", item: id, quantity }] });
      const rows = parseCsv(toCsv(e, lang, useTranslations(lang)).slice(1), lang === "fr" ? ";" : ",");
      expect(rows[1]).toHaveLength(6);
      const cents = (text: string) => Math.round(Number(text.replace(",", ".")) * 100);
      expect(cents(rows[1]![4]!)).toBe(e.lines[0]!.monthlyCents);
      expect(cents(rows[1]![5]!)).toBe(e.lines[0]!.oneTimeCents);
    }));
  });

  test("file name", () => {
    expect(csvFileName(worked, "fr")).toBe("estimation-2017-08-24.csv");
    expect(csvFileName(worked, "en")).toBe("estimate-2017-08-24.csv");
  });
});

describe("summarizeEstimate: plain text for the inquiry", () => {
  const plain = (s: string) => s.replace(/\u00a0/g, " ");
  test("French", () => {
    const text = plain(summarizeEstimate(worked, "fr", useTranslations("fr")));
    expect(text.split("\n")).toEqual([
      "Estimation des coûts mensuels — Grille tarifaire du 24 août 2017",
      `- ${subscription("standard").name.fr} : 10 × 15,00 $ (Mensuel par terminal) = 150,00 $ par mois; frais de service uniques 1 000,00 $`,
      `- ${subscription("web-collaboration-200").name.fr} : 1 000 × 56,10 $ (Mensuel par licence) = 56 100,00 $ par mois; frais de service uniques 100 000,00 $`,
      "- Enregistrement de visioconférence : 4 × 100,00 $ (Par séance de 90 min) = 400,00 $ par mois",
      "- Formation : 3 × 90,00 $ (Horaire) = 270,00 $ par mois",
      "Sous-total mensuel : 56 920,00 $",
      "Frais de service uniques (à l'activation) : 101 000,00 $",
      "Total du premier mois : 157 920,00 $",
      "Total sur 12 mois : 784 040,00 $",
      "Total de l'exercice financier (début en octobre, 6 mois) : 442 520,00 $",
      "Montants aux tarifs publiés; la source ne mentionne pas les taxes.",
    ]);
  });
  test("English, and an empty estimate says so", () => {
    const text = summarizeEstimate(computeEstimate(priceList, { version: priceList.version, startMonth: 3, lines: [] }), "en", useTranslations("en"));
    expect(text.split("\n")).toEqual([
      "Monthly cost estimate — Price list of August 24, 2017",
      "No service chosen.",
      "Monthly subtotal: $0.00",
      "One-time service fees (at activation): $0.00",
      "First month total: $0.00",
      "12-month total: $0.00",
      "Fiscal-year total (starting in March, 1 month): $0.00",
      "Amounts are the published rates; the source does not mention taxes.",
    ]);
  });
});
