/**
 * Strict input (issue 13): each case gets 400 with a field-level message in the reader's language and
 * stores nothing; the 413 message is in the reader's language; an email is one address; mailto: links
 * are encoded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bidiProblem, decodeUtf8, jsonKeyProblem, parseUrlEncodedStrict } from "../../functions/core/strict-input.ts";
import { createHandler } from "../../functions/core/submit.ts";
import { mailtoHref } from "../../src/i18n/routes.ts";
import { validateAnswers } from "../../src/lib/forms/validate.ts";
import { key, postEvent, startTestDb, testEnv, validInquiry, type TestDb } from "./support.ts";

let db: TestDb;
let handler: ReturnType<typeof createHandler>;
beforeAll(async () => {
  db = await startTestDb();
  handler = createHandler("inquiry", { env: testEnv(db.endpoint), log: () => {} });
});
afterAll(async () => {
  await db.cleanup();
});

const INQ = "/api/inquiries";
const enInquiry = { ...validInquiry, lang: "en" };
const jsonBody = (text: string) => text;
/** The body of validInquiry as JSON text with one member spliced in before the last brace. */
const withMember = (member: string, base: Record<string, unknown> = validInquiry) => JSON.stringify(base).replace(/}$/, `,${member}}`);

const cases: Array<[string, string | Buffer, string, string | null, string, string]> = [
  ["a __proto__ key", withMember('"__proto__":{"admin":true}'), "application/json", "__proto__", "forbidden_key", "« __proto__ » n'est pas un nom de champ accepté."],
  ["a constructor key", withMember('"constructor":"x"'), "application/json", "constructor", "forbidden_key", "« constructor » n'est pas un nom de champ accepté."],
  ["a nested prototype key", withMember('"extra":[{"prototype":1}]'), "application/json", "extra", "forbidden_key", ""],
  ["a duplicate key (last would win)", withMember('"email":"other@exemple.gouv.qc.ca"'), "application/json", "email", "duplicate_key", "Le champ « Courriel professionnel » figure deux fois dans la demande."],
  ["invalid UTF-8 in JSON", Buffer.concat([Buffer.from('{"organisation":"Minist'), Buffer.from([0xe8, 0x72]), Buffer.from('e"}')]), "application/json", null, "invalid_encoding", "La demande contient des caractères illisibles"],
  ["invalid UTF-8 in a form post", `organisation=Minist%E8re&name=Jeanne`, "application/x-www-form-urlencoded", null, "invalid_encoding", "La demande contient des caractères illisibles"],
  ["a __proto__ name in a form post", `organisation=x&__proto__=y`, "application/x-www-form-urlencoded", "__proto__", "forbidden_key", "« __proto__ » n'est pas un nom de champ accepté."],
  ["a right-to-left override in the name", JSON.stringify({ ...validInquiry, name: "Jeanne \u202Eelbmert" }), "application/json", "name", "bidi_control", "contient des caractères invisibles"],
  ["a first-strong isolate in the organisation", JSON.stringify({ ...validInquiry, organisation: "Ministère \u2068x\u2069" }), "application/json", "organisation", "bidi_control", "contient des caractères invisibles"],
  ["a bidi character in a form post", `organisation=Minist%C3%A8re%E2%80%AE&name=Jeanne`, "application/x-www-form-urlencoded", "organisation", "bidi_control", "contient des caractères invisibles"],
];

describe("refused with 400, a field-level message, nothing stored", () => {
  it.each(cases)("%s", async (_name, body, contentType, field, code, message) => {
    const before = (await db.items()).length;
    const result = await handler(postEvent(INQ, typeof body === "string" ? jsonBody(body) : body, { contentType, headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(400);
    if (contentType === "application/json") {
      const errors = JSON.parse(result.body).errors as Array<{ field: string | null; code: string; message: string }>;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field, code });
      if (message) expect(errors[0]!.message).toContain(message);
    } else {
      expect(result.headers["content-type"]).toContain("text/html");
      if (message) expect(result.body.replace(/&#39;|&#x27;|&apos;/g, "'")).toContain(message.replace(/'/g, "'"));
    }
    expect((await db.items()).length).toBe(before);
  });

  it("answers in the reader's language (English page, English message)", async () => {
    const result = await handler(postEvent(INQ, JSON.stringify({ ...enInquiry, name: "John \u202Bx" }), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body).errors[0].message).toMatch(/^“Full name” contains invisible characters/);
    const broken = await handler(postEvent(INQ, Buffer.from([0x7b, 0xff, 0x7d]), { headers: { "accept-language": "en-CA" } }));
    expect(broken.statusCode).toBe(400);
    expect(JSON.parse(broken.body).errors[0]).toMatchObject({ field: null, code: "invalid_encoding" });
    expect(JSON.parse(broken.body).errors[0].message).toMatch(/^The request contains unreadable characters/);
  });

  it("answers 413 in the reader's language", async () => {
    const big = JSON.stringify({ ...enInquiry, message: "x".repeat(20_000) });
    const result = await handler(postEvent(INQ, big, { headers: { "accept-language": "en" } }));
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body).errors[0].message).toBe("Your request is too long. Shorten your message, then send it again.");
    const fr = await handler(postEvent(INQ, JSON.stringify({ ...validInquiry, message: "x".repeat(20_000) })));
    expect(JSON.parse(fr.body).errors[0].message).toBe("Votre demande est trop longue. Raccourcissez votre message, puis envoyez-la de nouveau.");
  });
});

describe("the readers underneath", () => {
  it("finds duplicates and forbidden keys at any depth, and leaves valid JSON alone", () => {
    expect(jsonKeyProblem('{"a":1,"b":{"c":1,"c":2}}')).toEqual({ field: "b", code: "duplicate_key" });
    expect(jsonKeyProblem('{"a":"\\"a\\":","b":["a","a"]}')).toBeUndefined();
    expect(jsonKeyProblem('{"a":{"__proto__":1}}')).toEqual({ field: "a", code: "forbidden_key" });
    expect(jsonKeyProblem(JSON.stringify(validInquiry))).toBeUndefined();
  });

  it("decodes strict UTF-8 and form posts", () => {
    expect(decodeUtf8(Buffer.from("Ministère", "utf8"))).toBe("Ministère");
    expect(decodeUtf8(Buffer.from([0xc3]))).toBeUndefined();
    expect(parseUrlEncodedStrict("services=a&services=b&name=J+T")).toEqual({ ok: true, value: { services: ["a", "b"], name: "J T" } });
    expect(parseUrlEncodedStrict("name=%FF")).toEqual({ ok: false, problem: { field: null, code: "invalid_encoding" } });
    expect(bidiProblem({ a: "ok", b: ["x", "\u2066"] })).toEqual({ field: "b", code: "bidi_control" });
    expect(bidiProblem({ a: "العربية", b: "עברית" })).toBeUndefined(); // right-to-left text itself is fine
  });
});

describe("emails are one address, mailto: links are encoded", () => {
  const { lang: _lang, elapsedMs: _elapsed, ...answers } = validInquiry;
  it.each(["a?cc=someone@evil.example.com@exemple.gouv.qc.ca", "jeanne?cc=someone@x.ca", "a&b@x.ca", "a%40b@x.ca", "a/b@x.ca", "a#b@x.ca", "a@x.ca,b@y.ca", "a@x.ca b@y.ca"])("refuses %s", (email) => {
    const result = validateAnswers("inquiry", { ...answers, email } as never);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toContain("email");
  });

  it("accepts ordinary government addresses", () => {
    for (const email of ["prenom.nom@cspq.gouv.qc.ca", "o'brien+it@exemple.gouv.qc.ca", "jean-luc_2@x.ca"]) {
      expect(validateAnswers("inquiry", { ...answers, email } as never).ok, email).toBe(true);
    }
  });

  it("builds mailto: links that cannot carry another recipient", () => {
    expect(mailtoHref("prenom.nom@cspq.gouv.qc.ca")).toBe("mailto:prenom.nom@cspq.gouv.qc.ca");
    const forged = mailtoHref("a?cc=x@evil.example@x.ca");
    expect(forged).toBe("mailto:a%3Fcc%3Dx%40evil.example@x.ca");
    expect(new URL(forged).search).toBe("");
    expect(mailtoHref("o'brien@x.ca")).toBe("mailto:o%27brien@x.ca");
  });
});
