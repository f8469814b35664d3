/**
 * JSON Web Tokens for the local server, with node:crypto only: ES256 (ECDSA P-256, SHA-256, the
 * signature as the raw 64-byte r‖s of RFC 7518 §3.4). The local server verifies every admin request's
 * token — algorithm, signature, issuer, audience, expiry — BEFORE invoking a handler, as API Gateway's
 * JWT authorizer does on AWS with Cognito's keys.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Claims = Record<string, string | number | boolean | string[]>;

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function signJwt(claims: Claims, privateKey: KeyObject, kid = "local"): string {
  const header = b64(JSON.stringify({ alg: "ES256", typ: "JWT", kid }));
  const payload = b64(JSON.stringify(claims));
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${header}.${payload}.${b64(signature)}`;
}

export type VerifyFailure = "malformed" | "algorithm" | "signature" | "issuer" | "audience" | "expired" | "not_yet_valid";

export interface VerifyOptions {
  publicKey: KeyObject;
  issuer: string;
  audience: string;
  now?: Date;
  /** Tolerated clock difference, in seconds. */
  leeway?: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodePart(part: string): Record<string, unknown> | undefined {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The verified claims, or why the token is refused. Only ES256 is accepted (never "none", never HS256). */
export function verifyJwt(token: string, options: VerifyOptions): { ok: true; claims: Claims } | { ok: false; reason: VerifyFailure } {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => p === "")) return { ok: false, reason: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (!header || !claims || !BASE64URL.test(signaturePart)) return { ok: false, reason: "malformed" };
  if (header.alg !== "ES256") return { ok: false, reason: "algorithm" };
  const signature = Buffer.from(signaturePart, "base64url");
  if (signature.length !== 64) return { ok: false, reason: "signature" };
  const valid = verify("sha256", Buffer.from(`${headerPart}.${payloadPart}`), { key: options.publicKey, dsaEncoding: "ieee-p1363" }, signature);
  if (!valid) return { ok: false, reason: "signature" };
  if (claims.iss !== options.issuer) return { ok: false, reason: "issuer" };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  // Cognito access tokens name the client in client_id instead of aud; API Gateway accepts either.
  if (!audiences.includes(options.audience) && claims.client_id !== options.audience) return { ok: false, reason: "audience" };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const leeway = options.leeway ?? 0;
  if (typeof claims.exp !== "number" || claims.exp + leeway <= now) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf - leeway > now) return { ok: false, reason: "not_yet_valid" };
  return { ok: true, claims: claims as Claims };
}

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * The local signing key: generated on first start under `<dir>/` (private key readable by its owner
 * only), then reused so tokens survive a restart. .data/ is git-ignored: the key is never committed.
 */
export function loadOrCreateKeyPair(dir: string): KeyPair {
  const privatePath = join(dir, "signing-key.pem");
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    writeFileSync(privatePath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    chmodSync(privatePath, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(privatePath));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** API Gateway hands the authorizer's claims to the function as strings (lists as "[a b]"). */
export function claimsAsApiGateway(claims: Claims): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) out[key] = Array.isArray(value) ? `[${value.join(" ")}]` : String(value);
  return out;
}
