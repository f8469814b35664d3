/**
 * Fuzzing the handlers with fast-check: 1 200 random bodies (answers of every shape, unknown
 * fields, junk, wrong encodings). Whatever arrives, the answer is never a 500, and a body that is
 * not accepted leaves the table exactly as it was.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHandler } from "../../functions/core/submit.ts";
import { fields } from "../../src/lib/forms/fields.ts";
import { postEvent, startTestDb, testEnv, validInquiry, type TestDb } from "./support.ts";

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(async () => {
  await db.cleanup();
});

const fieldNames = [...new Set([...fields.inquiry, ...fields["adviser-request"]].map((f) => f.name)), "lang", "source", "homepage", "elapsedMs"];
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "fr", "en", "ministry", "mobility", "a@b.ca", "418 644-1500", "2415", "\u0000", "é".repeat(3000)),
);
const anyValue = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(anyText, { maxLength: 6 }), fc.object({ maxDepth: 2 }));
const answers = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })), anyValue, { maxKeys: 14 });
// Start from a valid inquiry and break parts of it, so that many bodies get deep into validation.
const mutated = fc.record({ drop: fc.subarray(Object.keys(validInquiry)), patch: answers }).map(({ drop, patch }) => {
  const body: Record<string, unknown> = { ...validInquiry };
  for (const k of drop) delete body[k];
  return { ...body, ...patch };
});

const request = fc.oneof(
  mutated.map((body) => ({ contentType: "application/json", body: JSON.stringify(body) })),
  answers.map((body) => ({ contentType: "application/json", body: JSON.stringify(body) })),
  mutated.map((body) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === "string" ? item : JSON.stringify(item) ?? "");
    return { contentType: "application/x-www-form-urlencoded", body: params.toString() };
  }),
  fc.record({ contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "", "multipart/form-data"), body: fc.string({ unit: "binary", maxLength: 300 }) }),
);

it("never answers 500 and stores nothing for a refused body (1 200 random requests)", async () => {
  const handler = createHandler("inquiry", { env: testEnv(db.endpoint, { MIN_FILL_MS: "3000" }), log: () => {} });
  let stored = (await db.items()).length;
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(request, async ({ contentType, body }) => {
      const result = await handler(postEvent("/api/inquiries", body, { contentType }));
      expect(result.statusCode).not.toBe(500);
      expect([200, 201, 400, 413, 415, 422]).toContain(result.statusCode);
      const count = (await db.items()).length;
      const isHoneypot = body.includes("homepage");
      if (result.statusCode === 201 || result.statusCode === 200) {
        // Accepted: exactly one new record — or none for a robot caught by the honeypot, or for a form post
        // (no key) repeating answers already sent within the dedupe window.
        expect(count - stored).toBeLessThanOrEqual(1);
        expect(count - stored).toBeGreaterThanOrEqual(isHoneypot || result.statusCode === 200 ? 0 : 1);
        accepted += count - stored;
      } else {
        expect(count).toBe(stored);
      }
      stored = count;
    }),
    { numRuns: 1200 },
  );
  // The generator is not all noise: some bodies were valid and stored.
  expect(accepted).toBeGreaterThan(0);
}, 300_000);
