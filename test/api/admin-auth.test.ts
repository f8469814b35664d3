/**
 * The local server's admin boundary (src/server/auth/): no admin route answers without a valid token —
 * missing, malformed, expired, wrongly signed, for another audience or issuer, or with another
 * algorithm: 401, before any handler runs. And the development sign-in: authorization code + PKCE.
 */
import { generateKeyPairSync, createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalAdmin, type LocalAdmin } from "../../src/server/auth/local-admin.ts";
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, s256 } from "../../src/server/auth/dev-sign-in.ts";
import { loadOrCreateKeyPair, signJwt, verifyJwt, type Claims } from "../../src/server/auth/jwt.ts";
import type { LogEntry } from "../../src/lib/submissions/log.ts";
import { startTestDb, testEnv, type TestDb } from "./support.ts";
import { seed } from "./admin-support.ts";

let db: TestDb;
let dataDir: string;
let admin: LocalAdmin;
let server: Server;
let origin: string;
let reference: string;
const logs: LogEntry[] = [];

beforeAll(async () => {
  db = await startTestDb();
  dataDir = mkdtempSync(join(tmpdir(), "inbox-auth-"));
  reference = await seed(db.endpoint, "inquiry", new Date());
  admin = createLocalAdmin({ dataDir, env: testEnv(db.endpoint), log: (e) => logs.push(e) });
  await admin.ready;
  server = createServer((req, res) => {
    void admin.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  admin?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await db?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const claims = (extra: Partial<Claims> = {}): Claims => ({
  iss: LOCAL_ISSUER, aud: LOCAL_CLIENT_ID, sub: "local-dev", email: "dev@example.ca", token_use: "id", iat: nowSeconds(), exp: nowSeconds() + 600, ...extra,
});
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function call(path: string, authorization?: string, init: RequestInit = {}) {
  const response = await fetch(`${origin}${path}`, { ...init, redirect: "manual", headers: { ...(authorization ? { authorization } : {}), ...(init.headers as Record<string, string>) } });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("admin routes refuse every request without a valid token (401)", () => {
  const routes = () => [
    { path: "/api/admin/submissions", init: {} },
    { path: `/api/admin/submissions/${reference}`, init: {} },
    { path: `/api/admin/submissions/${reference}`, init: { method: "PATCH", body: JSON.stringify({ note: "x" }), headers: { "content-type": "application/json" } } },
    { path: "/api/admin/anything-else", init: {} },
  ];

  it("accepts a valid token (the control case)", async () => {
    const token = signJwt(claims(), admin.keys.privateKey);
    const list = await call("/api/admin/submissions?status=all", `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(reference);
    const one = await call(`/api/admin/submissions/${reference}`, `Bearer ${token}`);
    expect(one.status).toBe(200);
    const patched = await call(`/api/admin/submissions/${reference}`, `Bearer ${token}`, { method: "PATCH", body: JSON.stringify({ note: "vu" }), headers: { "content-type": "application/json" } });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text).history[1]).toMatchObject({ kind: "note", by: "dev@example.ca" });
    // An access token (client_id instead of aud) is accepted too, as API Gateway does.
    const access = signJwt(claims({ aud: "", client_id: LOCAL_CLIENT_ID, token_use: "access" }), admin.keys.privateKey);
    expect((await call("/api/admin/submissions", `Bearer ${access}`)).status).toBe(200);
  });

  const other = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const cases: Array<[string, () => string | undefined]> = [
    ["no Authorization header", () => undefined],
    ["an empty bearer", () => "Bearer "],
    ["another scheme", () => `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["a malformed token", () => "Bearer not-a-jwt"],
    ["a token with garbage parts", () => "Bearer a.b.c"],
    ["an expired token", () => `Bearer ${signJwt(claims({ exp: nowSeconds() - 1 }), admin.keys.privateKey)}`],
    ["a token without expiry", () => { const c = claims(); delete c.exp; return `Bearer ${signJwt(c, admin.keys.privateKey)}`; }],
    ["a token not yet valid", () => `Bearer ${signJwt(claims({ nbf: nowSeconds() + 600 }), admin.keys.privateKey)}`],
    ["a token signed with another key", () => `Bearer ${signJwt(claims(), other.privateKey)}`],
    ["a token for another audience", () => `Bearer ${signJwt(claims({ aud: "another-client" }), admin.keys.privateKey)}`],
    ["a token from another issuer", () => `Bearer ${signJwt(claims({ iss: "https://evil.example" }), admin.keys.privateKey)}`],
    ["a token whose claims were altered after signing", () => {
      const [h, , s] = signJwt(claims(), admin.keys.privateKey).split(".");
      return `Bearer ${h}.${b64(claims({ email: "boss@example.ca" }))}.${s}`;
    }],
    ["an unsigned token (alg none)", () => `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`],
    ["a token claiming HS256", () => {
      const [, p, s] = signJwt(claims(), admin.keys.privateKey).split(".");
      return `Bearer ${b64({ alg: "HS256", typ: "JWT" })}.${p}.${s}`;
    }],
  ];
  for (const [name, authorization] of cases) {
    it(`refuses ${name}`, async () => {
      for (const route of routes()) {
        const result = await call(route.path, authorization(), route.init);
        expect(result.status, `${route.init && "method" in route.init ? "PATCH" : "GET"} ${route.path}`).toBe(401);
        expect(result.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(result.text).not.toContain(reference);
      }
    });
  }

  it("ran no handler for a refused request", async () => {
    const before = logs.filter((e) => e.event.startsWith("admin:")).length;
    await call("/api/admin/submissions", "Bearer nope");
    expect(logs.filter((e) => e.event.startsWith("admin:")).length).toBe(before);
  });

  it("verifies expiry against the clock with no leeway by default", () => {
    const token = signJwt(claims({ exp: 1000 }), admin.keys.privateKey);
    const options = { publicKey: admin.keys.publicKey, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID };
    expect(verifyJwt(token, { ...options, now: new Date(999_000) }).ok).toBe(true);
    expect(verifyJwt(token, { ...options, now: new Date(1_000_000) })).toEqual({ ok: false, reason: "expired" });
  });
});

describe("local signing key", () => {
  it("is generated once under the data folder, readable by its owner only, and reused", () => {
    const path = join(dataDir, "auth", "signing-key.pem");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadOrCreateKeyPair(join(dataDir, "auth"));
    const token = signJwt(claims(), again.privateKey);
    expect(verifyJwt(token, { publicKey: admin.keys.publicKey, issuer: LOCAL_ISSUER, audience: LOCAL_CLIENT_ID }).ok).toBe(true);
  });
});

describe("development sign-in (authorization code with PKCE)", () => {
  const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const redirect = () => `${origin}/en/inbox/`;
  const authorizeParams = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: "code", client_id: LOCAL_CLIENT_ID, redirect_uri: redirect(), state: "state-0123456789abcdef",
      code_challenge: s256(verifier), code_challenge_method: "S256", scope: "openid email profile", ...extra,
    });

  async function signIn(extra: Record<string, string> = {}) {
    const body = authorizeParams({ name: "Dana Dev", email: "Dana@Example.ca", ...extra });
    const result = await call("/dev/auth/oauth2/authorize", undefined, { method: "POST", body: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    return result;
  }

  async function exchange(code: string, extra: Record<string, string> = {}) {
    const body = new URLSearchParams({ grant_type: "authorization_code", client_id: LOCAL_CLIENT_ID, code, redirect_uri: redirect(), code_verifier: verifier, ...extra });
    const result = await call("/dev/auth/oauth2/token", undefined, { method: "POST", body: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    return { status: result.status, json: JSON.parse(result.text) as Record<string, string | number> };
  }

  it("computes the S256 challenge of RFC 7636's example", () => {
    expect(s256(verifier)).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    expect(s256(verifier)).toBe(createHash("sha256").update(verifier).digest("base64url"));
  });

  it("serves the configuration the inbox page reads", async () => {
    const result = await call("/inbox-config.json");
    expect(JSON.parse(result.text)).toEqual({ authority: `${origin}/dev/auth`, clientId: LOCAL_CLIENT_ID, scope: "openid email profile", local: true });
  });

  it("shows a labelled form in the language of the inbox page", async () => {
    const result = await call(`/dev/auth/oauth2/authorize?${authorizeParams()}`);
    expect(result.status).toBe(200);
    expect(result.text).toContain('<html lang="en-CA">');
    expect(result.text).toMatch(/<label for="dev-email">Email<\/label>/);
    expect(result.text).toContain('id="dev-email" name="email" type="email" autocomplete="email"');
  });

  it("refuses requests it could be tricked by: foreign redirect, other client, no PKCE, plain PKCE", async () => {
    const extras: Array<Record<string, string>> = [
      { redirect_uri: "https://evil.example/en/inbox/" },
      { redirect_uri: `${origin}/en/` },
      { client_id: "other" },
      { code_challenge: "" },
      { code_challenge_method: "plain" },
      { state: "" },
    ];
    for (const extra of extras) {
      expect((await call(`/dev/auth/oauth2/authorize?${authorizeParams(extra)}`)).status, JSON.stringify(extra)).toBe(400);
      expect((await signIn(extra)).status).toBe(400);
    }
  });

  it("sends back a one-time code that only the right verifier exchanges for tokens", async () => {
    const result = await signIn();
    expect(result.status).toBe(302);
    const location = new URL(result.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe(redirect());
    expect(location.searchParams.get("state")).toBe("state-0123456789abcdef");
    const code = location.searchParams.get("code") as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const wrong = await exchange(code, { code_verifier: "x".repeat(43) });
    expect(wrong).toEqual({ status: 400, json: { error: "invalid_grant" } });
    // The code was burnt by the failed attempt: single use.
    expect((await exchange(code)).json.error).toBe("invalid_grant");

    const fresh = new URL((await signIn()).headers.get("location") as string).searchParams.get("code") as string;
    const ok = await exchange(fresh);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const payload = JSON.parse(Buffer.from(String(ok.json.id_token).split(".")[1] as string, "base64url").toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_CLIENT_ID, email: "dana@example.ca", name: "Dana Dev", token_use: "id" });
    expect((await call("/api/admin/submissions", `Bearer ${ok.json.id_token}`)).status).toBe(200);
    expect((await exchange(fresh)).json.error).toBe("invalid_grant");
  });

  it("asks again for an invalid email, keeping what was typed", async () => {
    const result = await signIn({ email: "not-an-email" });
    expect(result.status).toBe(400);
    expect(result.text).toContain('role="alert"');
    expect(result.text).toContain('value="not-an-email"');
    expect(result.text).toContain('aria-invalid="true"');
  });

  it("signs out back to the inbox page only", async () => {
    const ok = await call(`/dev/auth/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent(redirect())}`);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(redirect());
    expect((await call(`/dev/auth/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent("https://evil.example/")}`)).status).toBe(400);
  });
});
