/**
 * The development sign-in: a stand-in for Cognito's hosted UI that exists ONLY in the local server
 * (`npm start`). It speaks the same authorization-code flow with PKCE, at the same paths under its
 * authority (`/oauth2/authorize`, `/oauth2/token`, `/logout`), so the inbox page runs the same code
 * locally and on AWS:
 *   1. the page sends the browser to  <authority>/oauth2/authorize?response_type=code&client_id=…
 *      &redirect_uri=<inbox page>&state=…&code_challenge=<S256>&code_challenge_method=S256&scope=…
 *   2. here, a form asks for a name and an email (no password: anyone at the keyboard of a local
 *      server is its developer); on submit, a one-time code valid 2 minutes, bound to the challenge,
 *      is sent back to the redirect URI with the state;
 *   3. the page POSTs code + code_verifier to <authority>/oauth2/token and receives an ID token and an
 *      access token signed with the local key (ES256), valid one hour.
 */
import { createHash, randomBytes } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { routes } from "../../i18n/routes.ts";
import { uiStrings } from "../../i18n/translate.ts";
import { signJwt, type Claims } from "./jwt.ts";

export const LOCAL_ISSUER = "urn:offre-de-services:local-sign-in";
export const LOCAL_CLIENT_ID = "inbox-local";
export const AUTHORITY_PATH = "/dev/auth";
export const TOKEN_LIFETIME_SECONDS = 3600;
const CODE_LIFETIME_MS = 120_000;

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PendingCode {
  sub: string;
  email: string;
  name: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

export interface DevAuthResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const noStore = { "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

/** The S256 code challenge of a verifier (RFC 7636 §4.2). */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** The inbox page a redirect URI designates, if it is one on this origin (no open redirect). */
function inboxLang(redirectUri: string, origin: string): "fr" | "en" | undefined {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || url.search !== "" || url.hash !== "") return undefined;
  if (url.pathname === routes.inbox.fr) return "fr";
  if (url.pathname === routes.inbox.en) return "en";
  return undefined;
}

export interface DevAuth {
  handle(method: string, url: URL, body: string, origin: string): DevAuthResponse | undefined;
}

export function createDevAuth(keys: { privateKey: KeyObject }, now: () => Date = () => new Date()): DevAuth {
  const codes = new Map<string, PendingCode>();

  const page = (lang: "fr" | "en", status: number, content: string): DevAuthResponse => {
    const t = uiStrings[lang];
    return {
      status,
      headers: { "content-type": "text/html; charset=utf-8", ...noStore },
      body: `<!doctype html>
<html lang="${lang === "fr" ? "fr-CA" : "en-CA"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(t["inbox.dev.title"])}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#111}label{display:block;font-weight:600;margin-top:1rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;border:1px solid #555}button{font:inherit;margin-top:1.5rem;padding:.5rem 1rem;background:#095797;color:#fff;border:0}button:focus,input:focus{outline:3px solid #5b9bd5;outline-offset:2px}.error{color:#b00020;font-weight:600}</style>
</head>
<body><main><h1>${escape(t["inbox.dev.title"])}</h1>${content}</main></body></html>`,
    };
  };

  const badRequest = (lang: "fr" | "en") => page(lang, 400, `<p class="error" role="alert">${escape(uiStrings[lang]["inbox.dev.invalidRequest"])}</p>`);

  function form(lang: "fr" | "en", params: URLSearchParams, error?: string, values: { name?: string; email?: string } = {}): DevAuthResponse {
    const t = uiStrings[lang];
    const hidden = ["response_type", "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "scope"]
      .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name) ?? "")}">`)
      .join("");
    return page(
      lang,
      error ? 400 : 200,
      `<p>${escape(t["inbox.dev.intro"])}</p>
${error ? `<p class="error" role="alert" id="dev-error">${escape(error)}</p>` : ""}
<form method="post" action="${AUTHORITY_PATH}/oauth2/authorize">${hidden}
<label for="dev-name">${escape(t["inbox.dev.name"])}</label>
<input id="dev-name" name="name" autocomplete="name" required value="${escape(values.name ?? "")}">
<label for="dev-email">${escape(t["inbox.dev.email"])}</label>
<input id="dev-email" name="email" type="email" autocomplete="email" required value="${escape(values.email ?? "")}"${error ? ' aria-invalid="true" aria-describedby="dev-error"' : ""}>
<button type="submit">${escape(t["inbox.dev.submit"])}</button>
</form>`,
    );
  }

  /** Checks an authorization request; the language of its redirect URI, or undefined. */
  function checkAuthorize(params: URLSearchParams, origin: string): "fr" | "en" | undefined {
    const lang = inboxLang(params.get("redirect_uri") ?? "", origin);
    if (!lang) return undefined;
    if (params.get("response_type") !== "code" || params.get("client_id") !== LOCAL_CLIENT_ID) return undefined;
    if (params.get("code_challenge_method") !== "S256" || !CHALLENGE.test(params.get("code_challenge") ?? "")) return undefined;
    if ((params.get("state") ?? "").length < 16) return undefined;
    return lang;
  }

  function tokens(pending: PendingCode): Record<string, string | number> {
    const iat = Math.floor(now().getTime() / 1000);
    const common: Claims = { iss: LOCAL_ISSUER, sub: pending.sub, iat, auth_time: iat, exp: iat + TOKEN_LIFETIME_SECONDS };
    const idToken = signJwt({ ...common, aud: pending.clientId, token_use: "id", email: pending.email, email_verified: true, name: pending.name }, keys.privateKey);
    const accessToken = signJwt({ ...common, client_id: pending.clientId, token_use: "access", scope: "openid email profile", username: pending.email }, keys.privateKey);
    return { id_token: idToken, access_token: accessToken, token_type: "Bearer", expires_in: TOKEN_LIFETIME_SECONDS };
  }

  const tokenError = (error: string): DevAuthResponse => ({
    status: 400,
    headers: { "content-type": "application/json; charset=utf-8", ...noStore },
    body: JSON.stringify({ error }),
  });

  return {
    handle(method, url, body, origin) {
      const path = url.pathname;
      if (path === `${AUTHORITY_PATH}/oauth2/authorize` && method === "GET") {
        const lang = checkAuthorize(url.searchParams, origin);
        return lang ? form(lang, url.searchParams) : badRequest("fr");
      }
      if (path === `${AUTHORITY_PATH}/oauth2/authorize` && method === "POST") {
        const params = new URLSearchParams(body);
        const lang = checkAuthorize(params, origin);
        if (!lang) return badRequest("fr");
        const name = (params.get("name") ?? "").trim().slice(0, 150);
        const email = (params.get("email") ?? "").trim().toLowerCase().slice(0, 254);
        if (!name || !EMAIL.test(email)) return form(lang, params, uiStrings[lang]["inbox.dev.invalidEmail"], { name, email });
        const code = randomBytes(32).toString("base64url");
        for (const [key, value] of codes) if (value.expires < now().getTime()) codes.delete(key);
        codes.set(code, {
          sub: `local-${createHash("sha256").update(email).digest("hex").slice(0, 24)}`,
          email, name,
          clientId: params.get("client_id") as string,
          redirectUri: params.get("redirect_uri") as string,
          challenge: params.get("code_challenge") as string,
          expires: now().getTime() + CODE_LIFETIME_MS,
        });
        const back = new URL(params.get("redirect_uri") as string);
        back.searchParams.set("code", code);
        back.searchParams.set("state", params.get("state") as string);
        return { status: 302, headers: { location: back.href, ...noStore }, body: "" };
      }
      if (path === `${AUTHORITY_PATH}/oauth2/token` && method === "POST") {
        const params = new URLSearchParams(body);
        if (params.get("grant_type") !== "authorization_code") return tokenError("unsupported_grant_type");
        const code = params.get("code") ?? "";
        const pending = codes.get(code);
        codes.delete(code); // single use, whatever happens next
        if (!pending || pending.expires < now().getTime()) return tokenError("invalid_grant");
        if (params.get("client_id") !== pending.clientId) return tokenError("invalid_client");
        if (params.get("redirect_uri") !== pending.redirectUri) return tokenError("invalid_grant");
        const verifier = params.get("code_verifier") ?? "";
        if (!VERIFIER.test(verifier) || s256(verifier) !== pending.challenge) return tokenError("invalid_grant");
        return { status: 200, headers: { "content-type": "application/json; charset=utf-8", ...noStore }, body: JSON.stringify(tokens(pending)) };
      }
      if (path === `${AUTHORITY_PATH}/logout` && method === "GET") {
        const target = url.searchParams.get("logout_uri") ?? "";
        if (url.searchParams.get("client_id") !== LOCAL_CLIENT_ID || !inboxLang(target, origin)) return badRequest("fr");
        return { status: 302, headers: { location: target, ...noStore }, body: "" };
      }
      return undefined;
    },
  };
}
