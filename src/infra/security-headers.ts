/**
 * The security headers of every response, defined once: CloudFront's response headers policy (Site.ts)
 * is built from these values, and the local server (src/server/static.ts) sends the same headers, so
 * what a page may do locally is what it may do in production.
 */
import { cspHeader } from "./csp.ts";

/** Denies powerful features the site never uses, so an injected script cannot ask for them either. */
export const PERMISSIONS_POLICY =
  "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()";

export const SECURITY_HEADERS = {
  /** Two years, subdomains included (HSTS; browsers ignore it over plain http, e.g. locally). */
  hstsMaxAgeSeconds: 2 * 365 * 24 * 60 * 60,
  hstsIncludeSubdomains: true,
  contentTypeOptions: "nosniff",
  frameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  permissionsPolicy: PERMISSIONS_POLICY,
} as const;

/** The headers as a response carries them (lower-case names), for a given Content-Security-Policy. */
export function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  const h = SECURITY_HEADERS;
  return {
    "content-security-policy": contentSecurityPolicy,
    "strict-transport-security": `max-age=${h.hstsMaxAgeSeconds}${h.hstsIncludeSubdomains ? "; includeSubDomains" : ""}`,
    "x-content-type-options": h.contentTypeOptions,
    "x-frame-options": h.frameOptions,
    "referrer-policy": h.referrerPolicy,
    "permissions-policy": h.permissionsPolicy,
  };
}

/** The same headers for the site's own inline-script hashes (and extra fetch origins, the inbox's sign-in). */
export function siteSecurityHeaders(scriptHashes: readonly string[], options: { connectSources?: readonly string[] } = {}): Record<string, string> {
  return securityHeaders(cspHeader(scriptHashes, options));
}
