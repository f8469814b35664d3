/**
 * The admin routes' view of an API Gateway HTTP API event (payload 2.0) once its JWT authorizer
 * has accepted the token: the verified claims are in `requestContext.authorizer.jwt.claims`
 * (every value a string, as API Gateway passes them). The local server (src/server/auth/) builds
 * the same shape after verifying a locally signed token, so the handlers cannot tell the two apart.
 */
import type { Actor } from "../../src/lib/submissions/record.ts";
import type { HttpEvent } from "../core/http.ts";

export type { Actor };

export interface AdminEvent extends HttpEvent {
  pathParameters?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  requestContext: HttpEvent["requestContext"] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | undefined>; scopes?: string[] | null } };
  };
}


/**
 * The caller, from the authorizer's claims; undefined when there are none (the route was reached
 * without the authorizer: the handler answers 401 rather than act for nobody).
 */
export function actorOf(event: AdminEvent): Actor | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims) return undefined;
  const sub = typeof claims.sub === "string" ? claims.sub.trim() : "";
  if (!sub) return undefined;
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim() : undefined;
  return email ? { sub, email } : { sub };
}

/** Query parameters, from API Gateway's map or, failing that, the raw query string. */
export function queryOf(event: AdminEvent): URLSearchParams {
  if (event.queryStringParameters) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(event.queryStringParameters)) if (value !== undefined) params.set(key, value);
    return params;
  }
  return new URLSearchParams(event.rawQueryString ?? "");
}

/** The `{reference}` path parameter, or the last path segment when the map is absent. */
export function referenceOf(event: AdminEvent): string {
  const fromMap = event.pathParameters?.reference;
  const raw = fromMap ?? decodeURIComponent(event.rawPath.split("/").filter(Boolean).pop() ?? "");
  return raw.trim().toUpperCase();
}
