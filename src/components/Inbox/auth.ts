/**
 * The inbox's sign-in: OAuth 2.0 authorization code flow with PKCE (RFC 7636), as a public client
 * (no secret in the browser). The same code talks to Cognito's hosted UI on AWS and to the local
 * development sign-in (`npm start`): both expose `<authority>/oauth2/authorize`, `/oauth2/token`
 * and `/logout`; /inbox-config.json says which one.
 *
 * The code verifier and state live in sessionStorage only between leaving for the sign-in page and
 * coming back; the ID token lives in sessionStorage until it expires, the tab closes or the person
 * signs out. The browser never checks the token's signature: the API does (API Gateway's JWT
 * authorizer on AWS, the local server locally); the page reads its claims for display only.
 */
export interface InboxConfig {
  authority: string;
  clientId: string;
  scope: string;
  local?: boolean;
}

export interface Session {
  idToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  sub: string;
  email?: string;
}

interface Pending {
  verifier: string;
  state: string;
  redirectUri: string;
  /** The submission to reopen after signing in (?ref= of the link in the notification). */
  ref?: string;
}

export const PENDING_KEY = "inbox.pkce";
export const SESSION_KEY = "inbox.session";

/** Reads the configuration; undefined when the site has none (no inbox on this deployment). */
export function parseConfig(value: unknown): InboxConfig | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.authority !== "string" || typeof v.clientId !== "string" || v.clientId === "") return undefined;
  let authority: URL;
  try {
    authority = new URL(v.authority);
  } catch {
    return undefined;
  }
  if (authority.protocol !== "https:" && !(authority.protocol === "http:" && ["127.0.0.1", "localhost"].includes(authority.hostname))) return undefined;
  return {
    authority: v.authority.replace(/\/+$/, ""),
    clientId: v.clientId,
    scope: typeof v.scope === "string" && v.scope !== "" ? v.scope : "openid email profile",
    ...(v.local === true ? { local: true } : {}),
  };
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A random string of `bytes` bytes of entropy, base64url (43 characters for 32 bytes: a valid verifier). */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function authorizeUrl(config: InboxConfig, options: { redirectUri: string; state: string; challenge: string }): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: options.redirectUri,
    state: options.state,
    code_challenge: options.challenge,
    code_challenge_method: "S256",
    scope: config.scope,
  });
  return `${config.authority}/oauth2/authorize?${params}`;
}

export function logoutUrl(config: InboxConfig, redirectUri: string): string {
  return `${config.authority}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri })}`;
}

/** Prepares the sign-in and returns where to send the browser. */
export async function beginSignIn(config: InboxConfig, redirectUri: string, storage: Storage, ref?: string): Promise<string> {
  const pending: Pending = { verifier: randomToken(32), state: randomToken(24), redirectUri, ...(ref ? { ref } : {}) };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizeUrl(config, { redirectUri, state: pending.state, challenge: await codeChallenge(pending.verifier) });
}

/** The claims of a JWT, unverified (display only). */
export function decodeClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split(".")[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function sessionFromToken(idToken: string): Session | undefined {
  const claims = decodeClaims(idToken);
  if (!claims || typeof claims.sub !== "string" || typeof claims.exp !== "number") return undefined;
  return { idToken, expiresAt: claims.exp * 1000, sub: claims.sub, ...(typeof claims.email === "string" ? { email: claims.email } : {}) };
}

export class SignInError extends Error {}

/**
 * Finishes the sign-in when the page comes back with ?code=&state=: checks the state, exchanges the
 * code with the verifier, stores the session. Returns undefined when the URL is not a sign-in return.
 */
export async function completeSignIn(
  config: InboxConfig,
  url: URL,
  storage: Storage,
  fetchImpl: typeof fetch = fetch,
): Promise<{ session: Session; ref?: string } | undefined> {
  const code = url.searchParams.get("code");
  const state = url.searchParams.get("state");
  const error = url.searchParams.get("error");
  if (!code && !error) return undefined;
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (error || !code || !raw) throw new SignInError(error ?? "no pending sign-in");
  const pending = JSON.parse(raw) as Pending;
  if (!state || state !== pending.state) throw new SignInError("state mismatch");
  const response = await fetchImpl(`${config.authority}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: config.clientId,
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new SignInError(`token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string };
  const session = tokens.id_token ? sessionFromToken(tokens.id_token) : undefined;
  if (!session) throw new SignInError("no usable id_token");
  storage.setItem(SESSION_KEY, JSON.stringify(session));
  return { session, ...(pending.ref ? { ref: pending.ref } : {}) };
}

/** The stored session while it is valid (a minute of margin before expiry). */
export function loadSession(storage: Storage, now = Date.now()): Session | undefined {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.idToken === "string" && typeof session.expiresAt === "number" && session.expiresAt - 60_000 > now) return session;
  } catch {
    // fall through: an unreadable session is no session
  }
  storage.removeItem(SESSION_KEY);
  return undefined;
}

export function clearSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
  storage.removeItem(PENDING_KEY);
}
