/**
 * `npm run bench:attainment`: the attainment report's whole pipeline on 10 000 incidents of each centre — reading the
 * CSV text, turning rows into incidents, assessing each against its restore level (the SLA engine's fast path, a
 * quarter of them with pauses) and the per-priority figures — then the same assessment with the step-by-step engine
 * for comparison. Incidents are spread over 2026 by a fixed pseudo-random sequence, so runs are comparable.
 */
import { csvRows, detectSeparator, guessMapping, quebecText, rowToIncident, stripBom } from "../../src/lib/attainment/csv.ts";
import { assessOne, isInvalid, summarise, type AssessedIncident, type Priority } from "../../src/lib/attainment/core.ts";
import { profileOf } from "../../src/lib/attainment/index.ts";
import { dueDate } from "../../src/lib/sla/index.ts";
import { seededRandom as random } from "../../src/lib/seeded-random.ts";

const COUNT = 10_000;
const HOUR = 3_600_000;

const text = (ms: number) => quebecText(new Date(ms));

function csvOf(seed: number): string {
  const next = random(seed);
  const from = Date.parse("2026-01-01T05:00:00Z");
  const lines = ["Numéro;Priorité;Reçu le;Rétabli le;En attente"];
  for (let i = 0; i < COUNT; i++) {
    const received = from + Math.floor(next() * 360 * 24 * HOUR);
    const priority = 1 + Math.floor(next() * 5);
    const restored = received + 2 * HOUR + Math.floor(next() * 24 * 5 * HOUR);
    const pause = i % 4 === 0 ? `${text(received + HOUR)}/${text(received + HOUR + Math.floor(next() * (restored - received - HOUR)))}` : "";
    lines.push([`INC-${i}`, `P${priority}`, text(received), i % 50 === 0 ? "" : text(restored), pause].join(";"));
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

const asOf = new Date("2027-01-15T12:00:00Z");
for (const centre of ["cau", "csc"] as const) {
  const profile = profileOf(centre);
  const csv = csvOf(centre === "cau" ? 1 : 2);
  const run = () => {
    const body = stripBom(csv);
    const rows = csvRows(body, detectSeparator(body));
    const header = rows.next().value!;
    const mapping = guessMapping(header.cells);
    const assessed: AssessedIncident[] = [];
    let errors = 0;
    for (const { line, cells } of rows) {
      const row = rowToIncident(line, cells, mapping, profile);
      if (!("incident" in row)) {
        errors++;
        continue;
      }
      const result = assessOne(row.incident, profile, line, asOf);
      if (isInvalid(result)) errors++;
      else assessed.push(result);
    }
    return { assessed, errors, byPriority: summarise(assessed, profile) };
  };
  run(); // warm-up: holiday and time-zone tables, JIT
  const started = performance.now();
  const { assessed, errors, byPriority } = run();
  const ms = performance.now() - started;

  // The step-by-step engine on the same incidents, for comparison.
  const slowStarted = performance.now();
  for (const incident of assessed) {
    const level = profile.levels[incident.priority - 1]!;
    dueDate(level.rule, incident.received);
  }
  const slowMs = performance.now() - slowStarted;

  const shares = ([1, 2, 3, 4, 5] as Priority[]).map((p) => `P${p} ${((byPriority[p].share ?? 0) * 100).toFixed(1)} %`).join(", ");
  console.log(`attainment ${centre}: ${COUNT.toLocaleString("en-CA")} incidents (CSV read, assessed, summarised) in ${ms.toFixed(0)} ms — ${Math.round(COUNT / (ms / 1000)).toLocaleString("en-CA")} incidents per second (${errors} rows in error; ${shares})`);
  console.log(`attainment ${centre}: the step-by-step engine alone takes ${slowMs.toFixed(0)} ms for the same deadlines (without pauses)`);
}
