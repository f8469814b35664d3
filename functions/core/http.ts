/**
 * The slice of API Gateway's HTTP API (payload format 2.0) the handlers use, and helpers to read
 * a request and write a response. Written here rather than pulled from a types package.
 */
export interface HttpEvent {
  version?: string;
  routeKey?: string;
  rawPath: string;
  rawQueryString?: string;
  headers: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    requestId?: string;
    timeEpoch?: number;
    http: { method: string; path: string; protocol?: string; sourceIp: string; userAgent?: string };
  };
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Header lookup regardless of case (API Gateway lowercases them; a local caller may not). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function bodyBytes(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
}

/** The reader's language from Accept-Language: the first of fr/en by preference, French by default. */
export function languageFromHeader(value: string | undefined): "fr" | "en" {
  if (!value) return "fr";
  const ranked = value
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => (entry.lang === "fr" || entry.lang === "en") && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.lang as "fr" | "en" | undefined) ?? "fr";
}

/** application/x-www-form-urlencoded → object; a repeated name (checkboxes) becomes a list. */
export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

const noStore = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { "content-type": "application/json; charset=utf-8", ...noStore, ...headers }, body: JSON.stringify(body) };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { "content-type": "text/html; charset=utf-8", ...noStore, ...headers }, body };
}

export function redirect(location: string): HttpResult {
  return { statusCode: 303, headers: { location, ...noStore }, body: "" };
}
