/**
 * `npm run bench:sla`: computes 100 000 deadlines of mixed rules (business days, calendar days,
 * business hours in the catalogue's windows, around the clock, some with pauses) and prints the rate.
 * Receipt instants are spread over 2026–2030 by a fixed pseudo-random sequence, so runs are comparable.
 */
import { dueDate, type Pause, type SlaRule } from "../../src/lib/sla/index.ts";
import { seededRandom as random } from "../../src/lib/seeded-random.ts";

const COUNT = 100_000;

const rules: SlaRule[] = [
  { unit: "business-days", amount: 5 },
  { unit: "business-days", amount: 20 },
  { unit: "calendar-days", amount: 22 },
  { unit: "business-hours", amount: 10, window: { start: "08:30", end: "16:30" } },
  { unit: "business-hours", amount: 40, window: { start: "08:30", end: "16:30" } },
  { unit: "business-hours", amount: 24, window: { start: "08:00", end: "17:00" } },
  { unit: "business-hours", amount: 120, amountUnit: "minutes", window: { start: "07:00", end: "18:00" } },
  { unit: "business-hours", amount: 40, amountUnit: "seconds", window: { start: "07:30", end: "17:00" } },
  { unit: "hours", amount: 3 },
  { unit: "hours", amount: 5 },
];


const next = random(2026);
const from = Date.parse("2026-01-01T00:00:00Z");
const span = Date.parse("2031-01-01T00:00:00Z") - from;
const inputs = Array.from({ length: COUNT }, (_, i) => {
  const rule = rules[i % rules.length] as SlaRule;
  const receivedAt = new Date(from + Math.floor(next() * span));
  const timeBased = rule.unit === "hours" || rule.unit === "business-hours";
  const pauses: Pause[] = timeBased && i % 4 === 0
    ? [{ from: new Date(receivedAt.getTime() + 3_600_000), to: new Date(receivedAt.getTime() + 3_600_000 + Math.floor(next() * 86_400_000)) }]
    : [];
  return { rule, receivedAt, pauses };
});

// Warm-up (fills the per-year holiday and time-zone tables, lets the JIT settle).
for (let i = 0; i < 5_000; i++) {
  const input = inputs[i]!;
  dueDate(input.rule, input.receivedAt, { pauses: input.pauses });
}

let checksum = 0;
const started = performance.now();
for (const input of inputs) checksum += dueDate(input.rule, input.receivedAt, { pauses: input.pauses }).due.getTime() % 1000;
const seconds = (performance.now() - started) / 1000;

const rate = Math.round(COUNT / seconds);
console.log(`sla: ${COUNT.toLocaleString("en-CA")} deadlines of ${rules.length} mixed rules in ${(seconds * 1000).toFixed(0)} ms`);
console.log(`sla: ${rate.toLocaleString("en-CA")} deadlines per second (${((seconds / COUNT) * 1e6).toFixed(2)} µs each, with steps; checksum ${checksum})`);
