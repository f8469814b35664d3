import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import type { LogEntry } from "../../src/lib/submissions/log.ts";
import { REFERENCE_PATTERN, defaultReferenceGenerator, type ReferenceGenerator } from "../../src/lib/submissions/reference.ts";
import { getSubmission, listAll, listPage } from "../../src/lib/submissions/store.ts";
import { applyAction } from "../../src/lib/submissions/workflow.ts";
import { createHandler } from "../../functions/core/submit.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { handler as inquiriesHandler } from "../../functions/inquiries.ts";
import { key, postEvent, startTestDb, testEnv, validAdviser, validInquiry, type TestDb } from "./support.ts";

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(async () => {
  await db.cleanup();
});

function handlers(extra: Record<string, string> = {}, more: Parameters<typeof createHandler>[1] = {}) {
  const logs: LogEntry[] = [];
  const options = { env: testEnv(db.endpoint, extra), log: (e: LogEntry) => logs.push(e), ...more };
  return { inquiry: createHandler("inquiry", options), adviser: createHandler("adviser-request", options), logs };
}

const json = (body: unknown) => JSON.stringify(body);
const INQ = "/api/inquiries";
const ADV = "/api/adviser-requests";

describe("valid submissions", () => {
  it("stores a JSON inquiry and answers 201 with its reference", async () => {
    const { inquiry, logs } = handlers();
    const before = Date.now();
    const result = await inquiry(postEvent(INQ, json({ ...validInquiry, source: "/fr/mobilite-cellulaire/" }), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(201);
    const { reference } = JSON.parse(result.body) as { reference: string };
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reference.startsWith("INF-")).toBe(true);
    const stored = await getSubmission(dynamoClient({ endpoint: db.endpoint, region: "local" }), localTableNames.submissions, reference);
    expect(stored).toMatchObject({
      reference,
      type: "inquiry",
      status: "new",
      lang: "fr",
      source: "/fr/mobilite-cellulaire/",
      answers: {
        organisation: validInquiry.organisation,
        email: validInquiry.email,
        services: ["mobility", "telephony"],
        preferredLanguage: "fr",
      },
    });
    expect(stored?.statusHistory).toEqual([{ status: "new", at: stored?.createdAt }]);
    // Retention: 24 months by default, as epoch seconds for DynamoDB TTL.
    const months = (stored!.expiresAt * 1000 - before) / (1000 * 86400 * 30.44);
    expect(months).toBeGreaterThan(23.9);
    expect(months).toBeLessThan(24.1);
    // Structured log: the reference and outcome, never a personal answer.
    expect(logs.at(-1)).toMatchObject({ event: "submission", type: "inquiry", outcome: "created", reference, status: 201 });
    const logged = JSON.stringify(logs);
    for (const secret of [validInquiry.name, validInquiry.email, validInquiry.phone, validInquiry.message, validInquiry.organisation, "192.0.2.10"]) {
      expect(logged).not.toContain(secret);
    }
  });

  it("stores a form post (no JavaScript) and answers with the confirmation page: the reference in the site's layout", async () => {
    const { adviser } = handlers();
    const body = new URLSearchParams({ ...validAdviser, elapsedMs: "" }).toString();
    const result = await adviser(postEvent(ADV, body, { contentType: "application/x-www-form-urlencoded" }));
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toContain("text/html");
    const reference = /data-reference[^>]*>([A-Z0-9-]+)</.exec(result.body)?.[1] ?? "";
    expect(reference).toMatch(/^CON-/);
    // The site's own layout (the built confirmation page): header, language link to the same reference, footer.
    expect(result.body).toContain('class="piv-header"');
    expect(result.body).toContain("piv-footer");
    expect(result.body).toContain(`href="https://services.example.gouv.qc.ca/fr/confirmation/?ref=${reference}"`);
    expect(result.body).not.toContain("<script");
    const items = await db.items();
    expect(items.find((i) => i.reference === reference)).toMatchObject({ type: "adviser-request", lang: "en", typeStatus: "adviser-request#new" });
  });

  it("a reload or a second click without JavaScript stores one record and shows the same reference", async () => {
    const { adviser } = handlers();
    const before = (await db.items()).length;
    const body = new URLSearchParams({ ...validAdviser, name: "Double Envoi", elapsedMs: "" }).toString();
    const send = () => adviser(postEvent(ADV, body, { contentType: "application/x-www-form-urlencoded" }));
    const first = await send();
    const second = await send();
    const ref = (r: { body: string }) => /data-reference[^>]*>([A-Z0-9-]+)</.exec(r.body)?.[1];
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(ref(second)).toBe(ref(first));
    expect((await db.items()).length).toBe(before + 1);
    // Other answers are another submission.
    const other = await adviser(postEvent(ADV, new URLSearchParams({ ...validAdviser, name: "Autre Personne", elapsedMs: "" }).toString(), { contentType: "application/x-www-form-urlencoded" }));
    expect(ref(other)).not.toBe(ref(first));
    expect((await db.items()).length).toBe(before + 2);
  });

  it("keeps several checked services from a form post, trims and NFC-normalises text", async () => {
    const { inquiry } = handlers();
    const params = new URLSearchParams({ ...validInquiry, organisation: "  Re\u0301seau  ", elapsedMs: "" } as unknown as Record<string, string>);
    params.delete("services");
    params.append("services", "cau");
    params.append("services", "csc");
    const result = await inquiry(postEvent(INQ, params.toString(), { contentType: "application/x-www-form-urlencoded; charset=UTF-8" }));
    expect(result.statusCode).toBe(200);
    const reference = /data-reference[^>]*>([A-Z0-9-]+)</.exec(result.body)?.[1] ?? "";
    const item = (await db.items()).find((i) => i.reference === reference) as { answers: Record<string, unknown> };
    expect(item.answers.services).toEqual(["cau", "csc"]);
    expect(item.answers.organisation).toBe("Réseau");
    expect(item.answers.organisation).toBe("R\u00e9seau");
  });

  it("accepts a base64-encoded body, as API Gateway sends some", async () => {
    const { inquiry } = handlers();
    const result = await inquiry(postEvent(INQ, Buffer.from(json(validInquiry)), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(201);
  });

  it("exports the handlers Lambda calls, reading the environment", async () => {
    Object.assign(process.env, testEnv(db.endpoint));
    const result = await inquiriesHandler(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(201);
  });
});

describe("refused submissions store nothing", () => {
  it("answers 400 with field errors in the language asked", async () => {
    const { inquiry } = handlers();
    const before = (await db.items()).length;
    const { lang: _lang, ...noLang } = validInquiry;
    const result = await inquiry(
      postEvent(INQ, json({ ...noLang, email: "pas-un-courriel", organisation: "", phone: "12" }), { headers: { "accept-language": "en-CA,en;q=0.9,fr;q=0.5" } }),
    );
    expect(result.statusCode).toBe(400);
    const body = JSON.parse(result.body) as { errors: Array<{ field: string; code: string; message: string }> };
    expect(body.errors.map((e) => [e.field, e.code])).toEqual([
      ["organisation", "required"],
      ["email", "invalid_email"],
      ["phone", "invalid_phone"],
    ]);
    expect(body.errors[0]!.message).toBe("“Organization” is required.");
    const french = await inquiry(postEvent(INQ, json({ ...validInquiry, organisation: "" }), { headers: { "accept-language": "en" } }));
    expect((JSON.parse(french.body) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe("Le champ « Organisation » est obligatoire.");
    expect((await db.items()).length).toBe(before);
  });

  it("refuses fields that are not on the form (allow-list) and overlong text", async () => {
    const { adviser } = handlers();
    const result = await adviser(postEvent(ADV, json({ ...validAdviser, isAdmin: true, message: "x".repeat(2001) })));
    expect(result.statusCode).toBe(400);
    const codes = (JSON.parse(result.body) as { errors: Array<{ field: string; code: string }> }).errors;
    expect(codes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "message", code: "too_long" }), expect.objectContaining({ field: "isAdmin", code: "unknown_field" })]));
  });

  it("never logs a key the client chose: a form-encoded message made into one key is counted, not written", async () => {
    const { adviser, logs } = handlers();
    const result = await adviser(postEvent(ADV, "Jean Tremblay, jean.tremblay@example.ca, 418 555-0199", { contentType: "application/x-www-form-urlencoded" }));
    expect(result.statusCode).toBe(400);
    const logged = JSON.stringify(logs);
    expect(logged).not.toMatch(/Tremblay|example\.ca|555-0199/);
    expect(logs.at(-1)).toMatchObject({ outcome: "invalid", errors: expect.arrayContaining(["unknown_field×1"]) });
  });

  it("re-renders the form with errors and the answers kept for a reader without JavaScript", async () => {
    const { inquiry } = handlers();
    const before = (await db.items()).length;
    const body = new URLSearchParams({ lang: "fr", organisation: "Ville de Québec", name: "Marie <b>Côté</b>", email: "marie@", message: "Bonjour", services: "cau" });
    const result = await inquiry(postEvent(INQ, body.toString(), { contentType: "application/x-www-form-urlencoded" }));
    expect(result.statusCode).toBe(400);
    expect(result.headers["content-type"]).toMatch(/^text\/html/);
    expect(result.body).toContain('lang="fr-CA"');
    expect(result.body).toContain("Le formulaire contient 3 erreurs");
    expect(result.body).toContain('href="#inquiry-email"');
    expect(result.body).toContain('value="Ville de Québec"');
    expect(result.body).toContain("Marie &lt;b>Côté&lt;/b>");
    expect(result.body).not.toContain("<b>Côté</b>");
    expect(result.body).toMatch(/<input[^>]*value="cau"[^>]*checked/);
    expect(result.body).toContain('action="/api/inquiries"');
    expect((await db.items()).length).toBe(before);
  });

  it("answers 413 over 16 KB", async () => {
    const { inquiry } = handlers();
    const before = (await db.items()).length;
    const result = await inquiry(postEvent(INQ, json({ ...validInquiry, message: "é".repeat(9000) })));
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ errors: [{ field: null, code: "too_large" }] });
    expect((await db.items()).length).toBe(before);
  });

  it("answers 415 to another content type, 400 to broken JSON, 405 to GET", async () => {
    const { inquiry } = handlers();
    expect((await inquiry(postEvent(INQ, "organisation=x", { contentType: "text/plain" }))).statusCode).toBe(415);
    expect((await inquiry(postEvent(INQ, "<xml/>", { contentType: "application/xml" }))).statusCode).toBe(415);
    expect((await inquiry(postEvent(INQ, "{not json"))).statusCode).toBe(400);
    expect((await inquiry(postEvent(INQ, "[1,2]"))).statusCode).toBe(400);
    expect((await inquiry(postEvent(INQ, "", { method: "GET" }))).statusCode).toBe(405);
  });

  it("pretends to accept a robot that fills the honeypot, and stores nothing", async () => {
    const { inquiry, logs } = handlers();
    const before = (await db.items()).length;
    const result = await inquiry(postEvent(INQ, json({ ...validInquiry, homepage: "http://spam.example" })));
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body).reference).toMatch(REFERENCE_PATTERN);
    expect(logs.at(-1)?.outcome).toBe("honeypot");
    const form = await inquiry(postEvent(INQ, new URLSearchParams({ ...validInquiry, homepage: "x" } as unknown as Record<string, string>).toString(), { contentType: "application/x-www-form-urlencoded" }));
    expect(form.statusCode).toBe(200);
    expect((await db.items()).length).toBe(before);
  });

  it("refuses a JavaScript submission sent faster than a person fills the form", async () => {
    const { inquiry } = handlers({ MIN_FILL_MS: "3000" });
    const before = (await db.items()).length;
    const fast = await inquiry(postEvent(INQ, json({ ...validInquiry, elapsedMs: 400 })));
    expect(fast.statusCode).toBe(400);
    expect(JSON.parse(fast.body).errors[0].code).toBe("too_fast");
    const missing = await inquiry(postEvent(INQ, json({ ...validInquiry, elapsedMs: undefined })));
    expect(missing.statusCode).toBe(400);
    expect((await db.items()).length).toBe(before);
  });
});

describe("idempotency and references", () => {
  it("returns the same reference for a retry with the same Idempotency-Key and stores once", async () => {
    const { inquiry } = handlers();
    const before = (await db.items()).length;
    const idem = key();
    const results = await Promise.all([1, 2, 3].map(() => inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": idem } }))));
    const again = await inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": idem } }));
    const refs = new Set([...results, again].map((r) => JSON.parse(r.body).reference as string));
    expect([...results, again].every((r) => r.statusCode === 201)).toBe(true);
    expect(refs.size).toBe(1);
    expect((await db.items()).length).toBe(before + 1);
  });

  it("refuses a reused key carrying other answers (422) instead of losing them silently", async () => {
    const { inquiry } = handlers();
    const idem = key();
    expect((await inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": idem } }))).statusCode).toBe(201);
    const other = await inquiry(postEvent(INQ, json({ ...validInquiry, message: "Autre chose" }), { headers: { "idempotency-key": idem } }));
    expect(other.statusCode).toBe(422);
    expect(JSON.parse(other.body).errors[0].code).toBe("idempotency_conflict");
  });

  it("retries on a reference collision (conditional write) and stores both submissions", async () => {
    // Every first attempt yields the same reference: concurrent submissions collide on it.
    const colliding: ReferenceGenerator = (type, seed, attempt) => (attempt === 0 ? "INF-2222-2222" : defaultReferenceGenerator(type, seed, attempt));
    const { inquiry, logs } = handlers({}, { generateReference: colliding });
    const before = (await db.items()).length;
    const results = await Promise.all([1, 2, 3, 4].map(() => inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": key() } }))));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const refs = results.map((r) => JSON.parse(r.body).reference as string);
    expect(new Set(refs).size).toBe(4);
    expect(refs).toContain("INF-2222-2222");
    expect((await db.items()).length).toBe(before + 4);
    expect(logs.some((l) => (l.attempts ?? 0) > 1)).toBe(true);
  });

  it("gives up with 503 and stores nothing when every candidate reference is taken", async () => {
    const stuck: ReferenceGenerator = () => "INF-2222-2222";
    const { inquiry } = handlers({}, { generateReference: stuck });
    const before = (await db.items()).length;
    const result = await inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(503);
    expect((await db.items()).length).toBe(before);
  });

  it("never uses look-alike characters", () => {
    for (let i = 0; i < 2000; i++) {
      const ref = defaultReferenceGenerator(i % 2 ? "inquiry" : "adviser-request", `seed-${i}`, 0);
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref.slice(4)).not.toMatch(/[01OIL]/);
    }
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the limit, per source address only", async () => {
    const { adviser } = handlers({ RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_SECONDS: "600" });
    const ip = "203.0.113.77";
    const send = (sourceIp: string, headers: Record<string, string> = {}) =>
      adviser(postEvent(ADV, json(validAdviser), { sourceIp, headers: { "idempotency-key": key(), ...headers } }));
    for (let i = 0; i < 3; i++) expect((await send(ip)).statusCode).toBe(201);
    const before = (await db.items()).length;
    // A forged forwarding header does not make another client.
    const limited = await send(ip, { "x-forwarded-for": "198.51.100.1" });
    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(JSON.parse(limited.body).errors[0].code).toBe("rate_limited");
    expect((await db.items()).length).toBe(before);
    // Another address is not limited.
    expect((await send("203.0.113.78")).statusCode).toBe(201);
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it does not escape the limit", async () => {
    const { adviser } = handlers({ RATE_LIMIT_MAX: "2", RATE_LIMIT_WINDOW_SECONDS: "600" });
    const send = (sourceIp: string) => adviser(postEvent(ADV, json(validAdviser), { sourceIp, headers: { "idempotency-key": key() } }));
    expect((await send("2001:db8:77:1::a")).statusCode).toBe(201);
    expect((await send("2001:db8:77:1:ffff:1:2:3")).statusCode).toBe(201);
    expect((await send("2001:0db8:0077:0001::9")).statusCode).toBe(429);
    // The neighbouring /64 is another client.
    expect((await send("2001:db8:77:2::a")).statusCode).toBe(201);
  });

  it("stores no address, nor a hash that could be reversed without the deployment's secret", async () => {
    const { adviser } = handlers({ RATE_LIMIT_SECRET: "secret-one" });
    await adviser(postEvent(ADV, json(validAdviser), { sourceIp: "203.0.113.201", headers: { "idempotency-key": key() } }));
    const keys = JSON.stringify(await db.rateLimitItems());
    expect(keys).not.toContain("203.0.113.201");
    expect(keys).not.toContain(createHash("sha256").update("203.0.113.201").digest("hex").slice(0, 32));
  });

  it("shows a reader without JavaScript the limit with the answers kept", async () => {
    const { adviser } = handlers({ RATE_LIMIT_MAX: "1" });
    const body = new URLSearchParams({ ...validAdviser, elapsedMs: "" }).toString();
    const send = () => adviser(postEvent(ADV, body, { contentType: "application/x-www-form-urlencoded", sourceIp: "203.0.113.90" }));
    expect((await send()).statusCode).toBe(200);
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    expect(limited.body).toContain("You have sent several requests");
    expect(limited.body).toContain('value="Agence de l&#39;Exemple"'.replace("&#39;", "'"));
  });
});

describe("database down", () => {
  it("answers 503 with Retry-After, writes nothing, and recovers when the database is back", async () => {
    const { inquiry } = handlers();
    const before = await db.items();
    await db.stop();
    const down = await inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": key() } }));
    expect(down.statusCode).toBe(503);
    expect(Number(down.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(down.body).errors[0].code).toBe("unavailable");
    const form = await inquiry(postEvent(INQ, new URLSearchParams({ ...validInquiry } as unknown as Record<string, string>).toString(), { contentType: "application/x-www-form-urlencoded" }));
    expect(form.statusCode).toBe(503);
    expect(form.body).toContain("Vos réponses sont conservées");
    expect(form.body).toContain(`value="${validInquiry.email}"`);
    await db.restart();
    // The same data is back, nothing was half-written, and the same handler works again.
    expect((await db.items()).length).toBe(before.length);
    const recovered = await inquiry(postEvent(INQ, json(validInquiry), { headers: { "idempotency-key": key() } }));
    expect(recovered.statusCode).toBe(201);
    expect((await db.items()).length).toBe(before.length + 1);
  }, 60_000);
});

describe("store: status and lists (CLI, inbox)", () => {
  it("changes the status with its history and lists by type, status and date through the indexes", async () => {
    const client = dynamoClient({ endpoint: db.endpoint, region: "local" });
    const table = localTableNames.submissions;
    const { adviser } = handlers();
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await adviser(postEvent(ADV, json(validAdviser), { headers: { "idempotency-key": key() } }));
      refs.push(JSON.parse(r.body).reference);
    }
    const changed = await applyAction({ db: client, table, now: new Date() }, { reference: refs[0]!, action: { status: "in-progress", note: "Assigned" }, actor: { sub: "test" } });
    expect(changed.outcome).toBe("updated");
    const stored = await getSubmission(client, table, refs[0]!);
    expect(stored?.status).toBe("in-progress");
    expect(stored?.statusHistory.map((h) => h.status)).toEqual(["new", "in-progress"]);
    expect(stored?.statusHistory[1]?.note).toBe("Assigned");
    expect((await applyAction({ db: client, table, now: new Date() }, { reference: "CON-ZZZZ-ZZZZ", action: { status: "closed" }, actor: { sub: "test" } })).outcome).toBe("not_found");

    const inProgress = await listAll(client, table, { type: "adviser-request", status: "in-progress" });
    expect(inProgress.map((s) => s.reference)).toContain(refs[0]);
    const fresh = await listAll(client, table, { type: "adviser-request", status: "new" });
    expect(fresh.map((s) => s.reference)).not.toContain(refs[0]);
    expect(fresh.map((s) => s.reference)).toEqual(expect.arrayContaining(refs.slice(1)));

    const page1 = await listPage(client, table, { type: "adviser-request" }, { limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.cursor).toBeDefined();
    const page2 = await listPage(client, table, { type: "adviser-request" }, { limit: 2, cursor: page1.cursor! });
    expect(page2.items[0]!.createdAt <= page1.items[1]!.createdAt).toBe(true);
    expect(page2.items.map((s) => s.reference)).not.toContain(page1.items[0]!.reference);

    const future = await listAll(client, table, { from: "2999-01-01" });
    expect(future).toEqual([]);
    const all = await listAll(client, table, { to: "2999-01-01" });
    expect(all.length).toBe((await db.items()).length);
  });
});
