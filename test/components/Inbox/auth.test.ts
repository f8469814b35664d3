// @vitest-environment happy-dom
/**
 * The inbox's PKCE client (src/components/Inbox/auth.ts): verifier and S256 challenge, the authorize
 * URL, the return from the sign-in page (state check, code exchange against the real development token
 * endpoint), the stored session and its expiry, and the configuration it accepts.
 */
import { generateKeyPairSync } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  authorizeUrl, beginSignIn, clearSession, codeChallenge, completeSignIn, decodeClaims, loadSession, logoutUrl, parseConfig,
  PENDING_KEY, randomToken, SESSION_KEY, SignInError, type InboxConfig,
} from "../../../src/components/Inbox/auth.ts";
import { createDevAuth, LOCAL_CLIENT_ID } from "../../../src/server/auth/dev-sign-in.ts";

const config: InboxConfig = { authority: "http://127.0.0.1:4321/dev/auth", clientId: LOCAL_CLIENT_ID, scope: "openid email profile", local: true };
const origin = "http://127.0.0.1:4321";
const redirectUri = `${origin}/fr/boite-de-reception/`;
const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });

/** The development sign-in's real token endpoint, called in-process in place of the network. */
function devTokenFetch(dev = createDevAuth({ privateKey })): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const result = dev.handle(init?.method ?? "GET", url, String(init?.body ?? ""), origin);
    return new Response(result?.body ?? "", { status: result?.status ?? 404, headers: result?.headers ?? {} });
  }) as typeof fetch;
}

/** Signs in on the development page as a person would (the form post), returning the redirect. */
function signInAt(dev: ReturnType<typeof createDevAuth>, authorize: string): URL {
  const params = new URL(authorize).searchParams;
  params.set("name", "Dana");
  params.set("email", "dana@example.ca");
  const result = dev.handle("POST", new URL(`${config.authority}/oauth2/authorize`), params.toString(), origin);
  expect(result?.status).toBe(302);
  return new URL(result?.headers.location as string);
}

beforeEach(() => window.sessionStorage.clear());

describe("PKCE", () => {
  it("computes RFC 7636's example challenge with WebCrypto", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("makes 43-character base64url verifiers, never twice the same", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => randomToken(32)));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("builds the authorize and logout URLs of the hosted UI", () => {
    const url = new URL(authorizeUrl(config, { redirectUri, state: "s".repeat(20), challenge: "c".repeat(43) }));
    expect(`${url.origin}${url.pathname}`).toBe(`${config.authority}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code", client_id: LOCAL_CLIENT_ID, redirect_uri: redirectUri, state: "s".repeat(20),
      code_challenge: "c".repeat(43), code_challenge_method: "S256", scope: "openid email profile",
    });
    expect(logoutUrl(config, redirectUri)).toBe(`${config.authority}/logout?client_id=${LOCAL_CLIENT_ID}&logout_uri=${encodeURIComponent(redirectUri)}`);
  });
});

describe("sign-in round trip", () => {
  it("stores the verifier, comes back with a code and exchanges it for a session", async () => {
    const dev = createDevAuth({ privateKey });
    const target = await beginSignIn(config, redirectUri, window.sessionStorage, "INF-ABCD-EFGH");
    const pending = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) as string) as { verifier: string; state: string };
    expect(new URL(target).searchParams.get("code_challenge")).toBe(await codeChallenge(pending.verifier));
    const back = signInAt(dev, target);
    const done = await completeSignIn(config, back, window.sessionStorage, devTokenFetch(dev));
    expect(done?.ref).toBe("INF-ABCD-EFGH");
    expect(done?.session).toMatchObject({ email: "dana@example.ca" });
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(loadSession(window.sessionStorage)?.idToken).toBe(done?.session.idToken);
    expect(decodeClaims(done?.session.idToken as string)).toMatchObject({ aud: LOCAL_CLIENT_ID, email: "dana@example.ca" });
  });

  it("refuses a return whose state is not the one sent (CSRF) and burns the pending sign-in", async () => {
    const dev = createDevAuth({ privateKey });
    const target = await beginSignIn(config, redirectUri, window.sessionStorage);
    const back = signInAt(dev, target);
    back.searchParams.set("state", "forged-state-0123456789");
    await expect(completeSignIn(config, back, window.sessionStorage, devTokenFetch(dev))).rejects.toBeInstanceOf(SignInError);
    expect(window.sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(loadSession(window.sessionStorage)).toBeUndefined();
  });

  it("fails when the verifier does not match (a code stolen by another tab or app)", async () => {
    const dev = createDevAuth({ privateKey });
    const target = await beginSignIn(config, redirectUri, window.sessionStorage);
    const back = signInAt(dev, target);
    const pending = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) as string) as Record<string, string>;
    window.sessionStorage.setItem(PENDING_KEY, JSON.stringify({ ...pending, verifier: randomToken(32) }));
    await expect(completeSignIn(config, back, window.sessionStorage, devTokenFetch(dev))).rejects.toThrow(/400/);
  });

  it("ignores an ordinary visit and reports an error return", async () => {
    expect(await completeSignIn(config, new URL(redirectUri), window.sessionStorage, devTokenFetch())).toBeUndefined();
    await expect(completeSignIn(config, new URL(`${redirectUri}?error=access_denied`), window.sessionStorage, devTokenFetch())).rejects.toThrow("access_denied");
  });
});

describe("session and configuration", () => {
  const token = (exp: number) => `h.${Buffer.from(JSON.stringify({ sub: "s", exp })).toString("base64url")}.s`;

  it("keeps a session until a minute before its expiry, then forgets it", () => {
    const now = Date.now();
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({ idToken: token(0), sub: "s", expiresAt: now + 61_000 }));
    expect(loadSession(window.sessionStorage, now)).toBeDefined();
    expect(loadSession(window.sessionStorage, now + 2_000)).toBeUndefined();
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
    window.sessionStorage.setItem(SESSION_KEY, "{not json");
    expect(loadSession(window.sessionStorage)).toBeUndefined();
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({ idToken: token(0), sub: "s", expiresAt: now + 600_000 }));
    clearSession(window.sessionStorage);
    expect(loadSession(window.sessionStorage)).toBeUndefined();
  });

  it("accepts an https authority or a loopback one, nothing else", () => {
    expect(parseConfig({ authority: "https://x.auth.ca-central-1.amazoncognito.com/", clientId: "abc" })).toEqual({
      authority: "https://x.auth.ca-central-1.amazoncognito.com", clientId: "abc", scope: "openid email profile",
    });
    expect(parseConfig(config)).toEqual(config);
    expect(parseConfig({ authority: "http://evil.example", clientId: "abc" })).toBeUndefined();
    expect(parseConfig({ authority: "javascript:alert(1)", clientId: "abc" })).toBeUndefined();
    expect(parseConfig({ authority: "https://x.example", clientId: "" })).toBeUndefined();
    expect(parseConfig(null)).toBeUndefined();
  });
});
