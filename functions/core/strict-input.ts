/**
 * Strict reading of a form's body (issue 13): what a lenient parser would silently repair or drop is
 * refused instead, with the field it concerns, so nothing ambiguous is ever stored:
 * - bytes that are not UTF-8 (a lenient decoder turns them into U+FFFD);
 * - `__proto__`, `constructor`, `prototype` as keys (dropped or dangerous elsewhere);
 * - a key given twice in a JSON object (JSON.parse keeps the last one);
 * - bidirectional control characters U+202A–U+202E and U+2066–U+2069, which can make a name or an
 *   organisation read differently in the inbox than it was typed (a spoofing tool, never needed in a form).
 */
export type InputProblemCode = "invalid_encoding" | "forbidden_key" | "duplicate_key" | "bidi_control";
export interface InputProblem {
  /** The form field concerned (the top-level key), or null for the request as a whole. */
  field: string | null;
  code: InputProblemCode;
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** The body as text, or undefined when it is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Keys of a JSON text that are forbidden or repeated within one object; the text must already be valid
 * JSON. The field reported is the top-level key the problem sits under.
 */
export function jsonKeyProblem(text: string): InputProblem | undefined {
  const stack: Array<{ keys: Set<string> | undefined; expectKey: boolean }> = [];
  let topField: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const value = JSON.parse(text.slice(i, j + 1)) as string;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        if (stack.length === 1) topField = value;
        const field = stack.length === 1 ? value : topField;
        if (FORBIDDEN_KEYS.has(value)) return { field: stack.length === 1 ? value : field, code: "forbidden_key" };
        if (top.keys.has(value)) return { field, code: "duplicate_key" };
        top.keys.add(value);
        top.expectKey = false;
      }
      i = j;
    } else if (c === "{") stack.push({ keys: new Set(), expectKey: true });
    else if (c === "[") stack.push({ keys: undefined, expectKey: false });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
    }
  }
  return undefined;
}

/**
 * application/x-www-form-urlencoded, strictly: a percent-escape that is not UTF-8 is refused (URLSearchParams
 * would turn it into U+FFFD), as is a forbidden name. A repeated name (checkboxes) becomes a list.
 */
export function parseUrlEncodedStrict(text: string): { ok: true; value: Record<string, string | string[]> } | { ok: false; problem: InputProblem } {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const cut = pair.indexOf("=");
    const rawKey = cut < 0 ? pair : pair.slice(0, cut);
    const rawValue = cut < 0 ? "" : pair.slice(cut + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      return { ok: false, problem: { field: null, code: "invalid_encoding" } };
    }
    if (FORBIDDEN_KEYS.has(key)) return { ok: false, problem: { field: key, code: "forbidden_key" } };
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ok: true, value: { ...out } };
}

/** The first top-level field holding a bidirectional control character, at any depth. */
export function bidiProblem(body: Record<string, unknown>): InputProblem | undefined {
  const has = (value: unknown): boolean =>
    typeof value === "string" ? BIDI_CONTROLS.test(value) : Array.isArray(value) ? value.some(has) : value !== null && typeof value === "object" ? Object.values(value).some(has) : false;
  for (const [field, value] of Object.entries(body)) if (has(value)) return { field, code: "bidi_control" };
  return undefined;
}
