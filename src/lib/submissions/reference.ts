/**
 * Reference numbers: short, read aloud over the phone, copied by hand. Letters and digits that
 * look alike are left out (no 0/O, 1/I/L), and the prefix tells the form (CON-, INF-).
 *
 *   CON-7K3M-9QXR    8 characters from 31 → 8.5 × 10¹¹ possibilities per prefix
 *
 * A reference is derived from a seed and an attempt number: the seed is the client's
 * Idempotency-Key (or a random UUID without one). A retry with the same key therefore lands on
 * the same item, and the conditional write that refuses a taken reference tells a retry (same
 * seed stored there) from a collision (another seed: try attempt + 1). One item, one write —
 * nothing half-written, even though dynalite has no transactions.
 */
import { createHash } from "node:crypto";
import { referencePrefix, type FormType } from "../forms/fields.ts";

export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const REFERENCE_PATTERN = /^(CON|INF)-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

export type ReferenceGenerator = (type: FormType, seed: string, attempt: number) => string;

export const defaultReferenceGenerator: ReferenceGenerator = (type, seed, attempt) => {
  const digest = createHash("sha256").update(`${type}\n${seed}\n${attempt}`).digest();
  let code = "";
  // 8 bytes → 8 characters; the modulo bias over 256/31 is negligible for an identifier.
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[(digest[i] as number) % REFERENCE_ALPHABET.length];
  return `${referencePrefix[type]}-${code.slice(0, 4)}-${code.slice(4)}`;
};

/** Accepts a reference typed by a person (case and spaces forgiven); anything else is refused. */
export function normaliseReference(input: string): string | undefined {
  const upper = input.trim().toUpperCase().replace(/\s+/g, "");
  return REFERENCE_PATTERN.test(upper) ? upper : undefined;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
