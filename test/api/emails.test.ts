/**
 * The emails (issue 14): every link absolute — SITE_ORIGIN on AWS, the local server's own address
 * locally — and a message with a relative link is never sent; the acknowledgement to the requester
 * (reference, what happens next, contact, privacy link, no other answer), in the reply language, stored
 * first, retried once, logged without personal data, bounded per recipient.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../../functions/core/submit.ts";
import { acknowledge, ACK_MAX_PER_RECIPIENT, composeAcknowledgement, replyLanguage } from "../../src/lib/submissions/acknowledge.ts";
import { composeNotice, deliver, isAbsoluteOrigin, notifyNewSubmission, notifySettingsFromEnv, relativeLinks, type EmailMessage, type Notifier } from "../../src/lib/submissions/notify.ts";
import { getSubmission } from "../../src/lib/submissions/store.ts";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import type { LogEntry } from "../../src/lib/submissions/log.ts";
import { startLocalServer } from "../../src/server/start.ts";
import { expectOnlyAbsoluteLinks, readOutbox } from "../support/outbox.ts";
import { key, postEvent, startTestDb, testEnv, validAdviser, validInquiry, type TestDb } from "./support.ts";

const ORIGIN = "https://services.example.gouv.qc.ca";
/** The inquiry's answers (the fixture without its page fields). */
const inquiryAnswers = Object.fromEntries(Object.entries(validInquiry).filter(([k]) => k !== "elapsedMs" && k !== "lang")) as Record<string, string | string[]>;

describe("links in emails", () => {
  it.each([
    ["See https://a.ca/fr/x/?ref=1.", []],
    ["Lien :\n/fr/boite-de-reception/?ref=INF-AAAA-BBBB", ["/fr/boite-de-reception/?ref=INF-AAAA-BBBB"]],
    ["(./page) and ../up", ["./page", "../up"]],
    ["go to www.example.ca", ["www.example.ca"]],
    ["?ref=INF-AAAA-BBBB", ["?ref=INF-AAAA-BBBB"]],
    ["//cdn.example.ca/x", ["//cdn.example.ca/x"]],
    ["a / b and 1/2 and dana@cspq.example", []],
    ["« /fr/confidentialite/ »", ["/fr/confidentialite/"]],
  ])("relativeLinks(%j) = %j", (text, links) => {
    expect(relativeLinks(text)).toEqual(links);
  });

  it.each([
    [ORIGIN, true], ["http://localhost:4321", true], ["", false], ["/fr", false], ["https://a.ca/", false], ["ftp://a.ca", false],
  ])("isAbsoluteOrigin(%j) is %s", (origin, ok) => expect(isAbsoluteOrigin(origin)).toBe(ok));

  it("refuses to send a message with a relative link, and sends none", async () => {
    const sent: EmailMessage[] = [];
    const notifier: Notifier = { kind: "outbox", send: async (m) => void sent.push(m) };
    const message = composeNotice({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "" }, { siteOrigin: "", to: "a@b.ca", from: "c@d.ca" });
    await expect(deliver(notifier, message, () => {}, { event: "notification" })).rejects.toThrow("not absolute");
    const logs: LogEntry[] = [];
    expect(await notifyNewSubmission({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "" }, { notifier, to: "a@b.ca", from: "c@d.ca", siteOrigin: "" }, (e) => logs.push(e))).toBe("failed");
    expect(logs).toEqual([{ event: "notification", type: "inquiry", reference: "INF-ABCD-EFGH", outcome: "failed", error: "RelativeLinkError" }]);
    expect(sent).toEqual([]);
  });

  it("on AWS, a sender without a business-development recipient still acknowledges, and notifies no one", async () => {
    const settings = notifySettingsFromEnv({ NOTIFICATION_SENDER: "site@cspq.example", SITE_ORIGIN: ORIGIN });
    expect(settings).toMatchObject({ to: "", from: "site@cspq.example", siteOrigin: ORIGIN });
    expect(settings?.notifier?.kind).toBe("ses");
    expect(await notifyNewSubmission({ reference: "INF-ABCD-EFGH", type: "inquiry", createdAt: "" }, settings, () => {})).toBe("skipped");
    expect(notifySettingsFromEnv({ NOTIFY_EMAIL: "a@b.ca" })).toBeUndefined();
  });

  it("takes the origin from SITE_ORIGIN, else the local server's own address", () => {
    expect(notifySettingsFromEnv({ OUTBOX_DIR: "/tmp/x", SITE_ORIGIN: `${ORIGIN}/`, LOCAL_ORIGIN: "http://localhost:1" })?.siteOrigin).toBe(ORIGIN);
    expect(notifySettingsFromEnv({ OUTBOX_DIR: "/tmp/x", SITE_ORIGIN: "", LOCAL_ORIGIN: "http://localhost:4321" })?.siteOrigin).toBe("http://localhost:4321");
  });
});

describe("the acknowledgement's content", () => {
  const inquiry = { reference: "INF-ABCD-EFGH", type: "inquiry" as const, lang: "fr" as const, answers: { ...inquiryAnswers, estimate: "2017-08-24_4_s.standard.2" } };

  it("is in the language chosen for the reply, else the page's", () => {
    expect(replyLanguage({ lang: "fr", answers: { preferredLanguage: "en" } })).toBe("en");
    expect(replyLanguage({ lang: "en", answers: {} })).toBe("en");
    const fr = composeAcknowledgement(inquiry, { siteOrigin: ORIGIN, from: "site@cspq.example" }) as EmailMessage;
    expect(fr.subject).toBe("Accusé de réception — demande INF-ABCD-EFGH");
    const en = composeAcknowledgement({ ...inquiry, answers: { ...inquiry.answers, preferredLanguage: "en" } }, { siteOrigin: ORIGIN, from: "site@cspq.example" }) as EmailMessage;
    expect(en.subject).toBe("Acknowledgement — request INF-ABCD-EFGH");
    expect(en.text).toContain("“Service inquiry”");
    expect(en.text).toContain(`${ORIGIN}/en/privacy/`);
    expect(en.text).toContain("418-644-1500, ext. 2415");
  });

  it("holds the reference, what happens next, the business-development contact and the privacy link", () => {
    const message = composeAcknowledgement(inquiry, { siteOrigin: ORIGIN, from: "site@cspq.example" }) as EmailMessage;
    expect(message.to).toBe(validInquiry.email);
    expect(message.from).toBe("site@cspq.example");
    for (const text of ["INF-ABCD-EFGH", "« Demande d'information »", "La suite :", "edep.vpsi@cspq.gouv.qc.ca", "418 644-1500, poste 2415", `${ORIGIN}/fr/confidentialite/`]) {
      expect(message.text).toContain(text);
    }
    expect(relativeLinks(message.text)).toEqual([]);
  });

  it("repeats no answer, whatever was typed (not even the address it goes to)", () => {
    const answer = fc.string({ minLength: 6, maxLength: 40 }).filter((s) => /^[\p{L}\p{N}][\p{L}\p{N} .'-]*[\p{L}\p{N}]$/u.test(s));
    fc.assert(fc.property(answer, answer, answer, answer, (organisation, name, message, phone) => {
      const answers = { ...inquiryAnswers, organisation, name, message, phone, email: `${name.replace(/\W/g, "") || "x"}@exemple.ca` };
      const ack = composeAcknowledgement({ ...inquiry, answers }, { siteOrigin: ORIGIN, from: "site@cspq.example" }) as EmailMessage;
      const shown = `${ack.subject}\n${ack.text}`;
      // A typed answer that happens to be a word of the template is not a leak: compare with the template alone.
      const template = `${(composeAcknowledgement({ ...inquiry, answers: { ...inquiryAnswers, email: "x@y.ca" } }, { siteOrigin: ORIGIN, from: "s@c.ca" }) as EmailMessage).text}`;
      for (const value of [organisation, name, message, phone, answers.email]) {
        if (!template.includes(value)) expect(shown.includes(value), value).toBe(false);
      }
    }), { numRuns: 200 });
    const ack = composeAcknowledgement(inquiry, { siteOrigin: ORIGIN, from: "site@cspq.example" }) as EmailMessage;
    // (The fixture's phone is business development's own, which the message gives as the contact.)
    for (const value of [validInquiry.organisation, validInquiry.name, validInquiry.message, validInquiry.email, "2017-08-24", "Mobilité", "Ministère"]) {
      expect(ack.text).not.toContain(value);
    }
  });

  it("is not composed without an email address", () => {
    expect(composeAcknowledgement({ ...inquiry, answers: {} }, { siteOrigin: ORIGIN, from: "s@c.ca" })).toBeUndefined();
  });
});

describe("the acknowledgement, sent on a stored submission", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await startTestDb();
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  function handlerWith(notifier: Notifier, logs: LogEntry[], extra: Record<string, string> = {}) {
    const env = testEnv(db.endpoint, extra);
    return createHandler("inquiry", { env, log: (e) => logs.push(e), notify: { notifier, to: "dev-affaires@cspq.example", from: "site@cspq.example", siteOrigin: ORIGIN } });
  }
  const post = (handler: ReturnType<typeof createHandler>, body: Record<string, unknown>, sourceIp = "192.0.2.50") =>
    handler(postEvent("/api/inquiries", JSON.stringify(body), { headers: { "idempotency-key": key() }, sourceIp }));
  const stored = async (reference: string) => getSubmission(dynamoClient({ endpoint: db.endpoint, region: "local" }), localTableNames.submissions, reference);

  it("goes to the requester after the notification, and only once for a replayed request", async () => {
    const sent: EmailMessage[] = [];
    const logs: LogEntry[] = [];
    const handler = handlerWith({ kind: "ses", send: async (m) => void sent.push(m) }, logs);
    const idempotencyKey = key();
    const event = () => postEvent("/api/inquiries", JSON.stringify({ ...validInquiry, email: "first@exemple.ca" }), { headers: { "idempotency-key": idempotencyKey }, sourceIp: "192.0.2.51" });
    const first = await handler(event());
    expect(first.statusCode).toBe(201);
    expect(sent.map((m) => m.to)).toEqual(["dev-affaires@cspq.example", "first@exemple.ca"]);
    expect((await handler(event())).statusCode).toBe(201);
    expect(sent).toHaveLength(2);
    expect(logs.filter((l) => l.event === "acknowledgement")).toEqual([{ event: "acknowledgement", type: "inquiry", reference: JSON.parse(first.body).reference, outcome: "sent:ses" }]);
  });

  it("is retried once; a second failure is logged without personal data and the submission stands", async () => {
    let calls = 0;
    const logs: LogEntry[] = [];
    const flaky: Notifier = { kind: "ses", send: async (m) => { if (m.tag === "ack" && calls++ === 0) throw Object.assign(new Error("throttled"), { name: "TooManyRequestsException" }); } };
    const once = await post(handlerWith(flaky, logs), { ...validInquiry, email: "flaky@exemple.ca" }, "192.0.2.52");
    expect(once.statusCode).toBe(201);
    expect(calls).toBe(2);
    expect(logs.filter((l) => l.event === "acknowledgement").map((l) => l.outcome)).toEqual(["retrying", "sent:ses"]);

    const down: Notifier = { kind: "ses", send: async () => { throw Object.assign(new Error("down"), { name: "ServiceUnavailable" }); } };
    const failedLogs: LogEntry[] = [];
    const result = await post(handlerWith(down, failedLogs), { ...validInquiry, name: "Zoé Secret", email: "zoe.secret@exemple.ca" }, "192.0.2.53");
    expect(result.statusCode).toBe(201);
    const { reference } = JSON.parse(result.body) as { reference: string };
    expect((await stored(reference))?.answers.email).toBe("zoe.secret@exemple.ca");
    expect(failedLogs.filter((l) => l.event === "acknowledgement")).toEqual([
      { event: "acknowledgement", type: "inquiry", reference, outcome: "retrying", error: "ServiceUnavailable" },
      { event: "acknowledgement", type: "inquiry", reference, outcome: "failed", error: "ServiceUnavailable" },
    ]);
    const all = JSON.stringify(failedLogs);
    for (const personal of ["zoe.secret", "Zoé", validInquiry.organisation, validInquiry.phone]) expect(all).not.toContain(personal);
  });

  it(`is sent at most ${ACK_MAX_PER_RECIPIENT} times per window to one address, from any client; every submission is stored`, async () => {
    const sent: EmailMessage[] = [];
    const logs: LogEntry[] = [];
    const handler = handlerWith({ kind: "ses", send: async (m) => void sent.push(m) }, logs);
    const results = [];
    for (let i = 0; i < ACK_MAX_PER_RECIPIENT + 2; i++) results.push(await post(handler, { ...validInquiry, email: "Stranger@Exemple.ca" }, `198.51.100.${i + 1}`));
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    expect(sent.filter((m) => m.tag === "ack")).toHaveLength(ACK_MAX_PER_RECIPIENT);
    expect(logs.filter((l) => l.event === "acknowledgement").map((l) => l.outcome)).toEqual([
      ...Array(ACK_MAX_PER_RECIPIENT).fill("sent:ses"), "limited", "limited",
    ]);
  });

  it("the per-client limit bounds acknowledgements too: a refused request sends nothing", async () => {
    const sent: EmailMessage[] = [];
    const handler = handlerWith({ kind: "ses", send: async (m) => void sent.push(m) }, [], { RATE_LIMIT_MAX: "2" });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(handler, { ...validInquiry, email: `bulk${i}@exemple.ca` }, "203.0.113.77")).statusCode);
    expect(codes).toEqual([201, 201, 429, 429]);
    expect(sent.filter((m) => m.tag === "ack").map((m) => m.to)).toEqual(["bulk0@exemple.ca", "bulk1@exemple.ca"]);
  });

  it("sends nothing without an absolute origin (a deployment without SITE_ORIGIN), and the submission stands", async () => {
    const sent: EmailMessage[] = [];
    const logs: LogEntry[] = [];
    const env = testEnv(db.endpoint);
    const handler = createHandler("inquiry", { env, log: (e) => logs.push(e), notify: { notifier: { kind: "ses", send: async (m) => void sent.push(m) }, to: "d@c.ca", from: "s@c.ca", siteOrigin: "" } });
    expect((await post(handler, validInquiry, "192.0.2.54")).statusCode).toBe(201);
    expect(sent).toEqual([]);
    expect(logs.filter((l) => l.event !== "submission").map((l) => `${l.event}:${l.outcome}:${l.error}`)).toEqual([
      "notification:failed:RelativeLinkError", "acknowledgement:failed:NoSiteOrigin",
    ]);
    expect(await acknowledge({ reference: "INF-ABCD-EFGH", type: "inquiry", lang: "fr", answers: inquiryAnswers }, undefined, () => {})).toBe("skipped");
  });
});

describe("locally (npm start)", () => {
  it("writes the notification and the acknowledgement to .data/outbox/ with links to the local server itself", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emails-local-"));
    try {
      const server = await startLocalServer({ port: 0, dataDir, distDir: dataDir, logs: false });
      const origin = server.url.replace("127.0.0.1", "localhost");
      try {
        for (const body of [{ ...validAdviser, preferredLanguage: "fr" }, validInquiry]) {
          const response = await fetch(`${server.url}${body === validInquiry ? "/api/inquiries" : "/api/adviser-requests"}`, {
            method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
          });
          expect(response.status).toBe(201);
        }
      } finally {
        await server.close();
      }
      const messages = expectOnlyAbsoluteLinks(dataDir, origin);
      expect(messages).toHaveLength(4);
      const acks = messages.filter((m) => m.file.endsWith("-ack.eml"));
      expect(acks.map((m) => m.to).sort()).toEqual([validAdviser.email, validInquiry.email].sort());
      expect(acks.every((m) => m.subject.startsWith("Accusé de réception — demande "))).toBe(true);
      expect(readOutbox(dataDir).filter((m) => m.to === "developpement-affaires@localhost")).toHaveLength(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
