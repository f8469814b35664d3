/** The report's reading steps (run in the page's worker): file checks and row reading, with their error codes. */
import { describe, expect, test } from "vitest";
import { assessRows, decodeFile, loadRows, LoadProblem } from "../../../src/components/AttainmentReport/pipeline.ts";
import { MAX_BYTES, MAX_ROWS } from "../../../src/lib/attainment/fields.ts";
import { profileOf } from "../../../src/lib/attainment/index.ts";
import { q } from "../../unit/sla/helpers.ts";

const codeOf = async (run: () => unknown) => {
  try {
    await run();
    return "no error";
  } catch (error) {
    return error instanceof LoadProblem ? error.code : String(error);
  }
};

describe("decodeFile", () => {
  test("UTF-8 with or without BOM", () => {
    expect(decodeFile(new TextEncoder().encode("Numéro;Priorité"))).toBe("Numéro;Priorité");
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
  });
  test.each([
    ["empty", new Uint8Array(0), "empty"],
    ["a workbook (zip with NUL bytes)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "binary"],
    ["UTF-16 (NUL bytes)", new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), "binary"],
    ["Latin-1 (not UTF-8)", new Uint8Array([0x4e, 0x75, 0x6d, 0xe9, 0x72, 0x6f]), "binary"],
    ["over the size limit", new Uint8Array(MAX_BYTES + 1).fill(0x41), "too-large"],
  ])("refuses %s", async (_, bytes, code) => {
    expect(await codeOf(() => decodeFile(bytes))).toBe(code);
  });
});

describe("loadRows", () => {
  test("header, separator and rows with their line numbers", async () => {
    const loaded = await loadRows("\ufeffA;B\r\n1;2\r\n\r\n3;4\r\n");
    expect(loaded).toEqual({ separator: ";", headers: ["A", "B"], rows: [{ line: 2, cells: ["1", "2"] }, { line: 4, cells: ["3", "4"] }] });
  });
  test.each([
    ["blank text", "  \n \n", "empty"],
    ["one column", "Ticket\nA\n", "one-column"],
    ["a header only", "A,B\n", "no-rows"],
    ["NUL characters", "A,B\n1,\u0000\n", "binary"],
    ["too many rows", `A,B\n${"1,2\n".repeat(MAX_ROWS + 1)}`, "too-many-rows"],
  ])("refuses %s", async (_, text, code) => {
    expect(await codeOf(() => loadRows(text))).toBe(code);
  });
  test(`exactly ${MAX_ROWS} rows are read, with progress along the way`, async () => {
    const progress: number[] = [];
    const loaded = await loadRows(`A,B\n${"1,2\n".repeat(MAX_ROWS)}`, (n) => progress.push(n));
    expect(loaded.rows).toHaveLength(MAX_ROWS);
    expect(progress.every((n, i) => i === 0 || n > (progress[i - 1] as number))).toBe(true);
  });
});

describe("assessRows", () => {
  test("rows in error keep their line number, whether the row or the incident is wrong", async () => {
    const loaded = await loadRows([
      "Numéro;Priorité;Reçu le;Rétabli le",
      "A;P1;2026-12-01 09:00;2026-12-01 10:00",
      "B;P7;2026-12-01 09:00;2026-12-01 10:00",
      "C;P2;2026-12-01 09:00;2026-12-01 08:00",
    ].join("\n"));
    const data = await assessRows(loaded, { ref: 0, priority: 1, received: 2, restored: 3, pauses: -1 }, profileOf("csc"), q("2027-01-01 00:00"));
    expect(data.rows.map((r) => [r.line, r.incident.ref, r.incident.outcome])).toEqual([[2, "A", "met"]]);
    expect(data.errors).toEqual([
      { line: 3, ref: "B", reason: "unknown-priority" },
      { line: 4, ref: "C", reason: "restored-before-received" },
    ]);
    expect(data.byPriority[1]).toMatchObject({ count: 1, met: 1, share: 1, attained: true });
  });
});
