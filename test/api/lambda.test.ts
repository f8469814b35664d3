/**
 * The one Lambda wrapper (functions/core/lambda.ts) decides the status of every failure, for the
 * public and the admin handlers alike, with the same JSON error shape:
 * - database or network failure, or the time budget spent → 503 + Retry-After, nothing stored;
 * - a programming error → 500, logged with its stack frames and nothing personal;
 * - no origin secret → 403 (issue 13), logged.
 */
import { createServer, type Server, type Socket } from "node:net";
import { ConditionalCheckFailedException, InternalServerError, ProvisionedThroughputExceededException, ResourceNotFoundException } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createListHandler } from "../../functions/admin-list.ts";
import { isUnavailable, ORIGIN_HEADER, stackFrames, UnavailableError } from "../../functions/core/lambda.ts";
import { createHandler } from "../../functions/core/submit.ts";
import { SDK_BUDGET } from "../../src/lib/submissions/dynamo.ts";
import type { LogEntry } from "../../src/lib/submissions/log.ts";
import { ReferenceExhaustedError } from "../../src/lib/submissions/store.ts";
import { adminEvent } from "./admin-support.ts";
import { key, postEvent, startTestDb, testEnv, validInquiry, type TestDb } from "./support.ts";

let db: TestDb;
beforeAll(async () => {
  db = await startTestDb();
});
afterAll(async () => {
  await db.cleanup();
});

const INQ = "/api/inquiries";
const post = (headers: Record<string, string> = {}, answers: Record<string, unknown> = {}) =>
  postEvent(INQ, JSON.stringify({ ...validInquiry, ...answers }), { headers: { "idempotency-key": key(), ...headers } });

/** The one error shape: `{ errors: [{ field, code, message }] }`. */
function expectErrorShape(body: string, code: string): { field: null; code: string; message: string } {
  const parsed = JSON.parse(body) as { errors: Array<{ field: null; code: string; message: string }> };
  expect(parsed.errors).toHaveLength(1);
  expect(parsed.errors[0]).toMatchObject({ field: null, code });
  expect(typeof parsed.errors[0]!.message).toBe("string");
  expect(parsed.errors[0]!.message.length).toBeGreaterThan(10);
  return parsed.errors[0]!;
}

describe("which failures are the database's (503) and which are bugs (500)", () => {
  const metadata = { $metadata: {}, message: "x" };
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), true],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), true],
    ["the SDK's timeout", Object.assign(new Error("timed out"), { name: "TimeoutError" }), true],
    ["a throttle", new ProvisionedThroughputExceededException(metadata), true],
    ["the service's own fault", new InternalServerError(metadata), true],
    ["no free reference", new ReferenceExhaustedError("none"), true],
    ["a declared retryable failure", new UnavailableError("later"), true],
    ["a missing table (deployment bug)", new ResourceNotFoundException(metadata), false],
    ["a failed condition nobody caught (code bug)", new ConditionalCheckFailedException(metadata), false],
    ["a TypeError", new TypeError("x is undefined"), false],
    ["a RangeError", new RangeError("bad"), false],
    ["a plain Error", new Error("boom"), false],
    ["a thrown string", "boom", false],
  ])("%s → %s", (_name, error, unavailable) => {
    expect(isUnavailable(error)).toBe(unavailable);
  });

  it("keeps a stack's frames and drops its message (which may quote input)", () => {
    const frames = stackFrames(new TypeError("Cannot read jeanne.tremblay@exemple.gouv.qc.ca"));
    expect(frames).toMatch(/^at /);
    expect(frames).not.toContain("jeanne");
  });
});

describe("public handler", () => {
  it("a programming error is a 500 in the reader's language, logged with its stack and nothing personal", async () => {
    const logs: LogEntry[] = [];
    const handler = createHandler("inquiry", {
      env: testEnv(db.endpoint),
      log: (e) => logs.push(e),
      generateReference: () => {
        throw new TypeError(`bug while handling ${validInquiry.email}`);
      },
    });
    const before = (await db.items()).length;
    const result = await handler(post({}, { lang: "en" }));
    expect(result.statusCode).toBe(500);
    expect(result.headers["retry-after"]).toBeUndefined();
    expect(expectErrorShape(result.body, "internal").message).toBe("An unexpected error prevented sending. Your answers are kept: try again.");
    expect((await db.items()).length).toBe(before);
    const line = logs.at(-1)!;
    expect(line).toMatchObject({ event: "submission", type: "inquiry", outcome: "error", status: 500, error: "TypeError" });
    expect(line.stack).toMatch(/at .*reference|at /);
    const text = JSON.stringify(logs);
    for (const value of [validInquiry.email, validInquiry.name, validInquiry.phone, validInquiry.organisation]) expect(text).not.toContain(value);
  });

  it("a programming error on a form post (no JavaScript) is the form page again, answers kept", async () => {
    const handler = createHandler("inquiry", {
      env: testEnv(db.endpoint),
      log: () => {},
      generateReference: () => {
        throw new TypeError("bug");
      },
    });
    const body = new URLSearchParams({ ...validInquiry, services: "mobility" } as unknown as Record<string, string>).toString();
    const result = await handler(postEvent(INQ, body, { contentType: "application/x-www-form-urlencoded" }));
    expect(result.statusCode).toBe(500);
    expect(result.headers["content-type"]).toContain("text/html");
    expect(result.body).toContain("Une erreur inattendue");
    expect(result.body).toContain(`value="${validInquiry.email}"`);
  });

  describe("a database that accepts connections and never answers", () => {
    let stall: Server;
    let endpoint: string;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // Holds every connection open and says nothing.
      stall = createServer((socket) => {
        sockets.add(socket);
        socket.on("error", () => {});
      });
      await new Promise<void>((done) => stall.listen(0, "127.0.0.1", done));
      endpoint = `http://127.0.0.1:${(stall.address() as { port: number }).port}`;
    });
    afterAll(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((done) => stall.close(() => done()));
    });

    it("the handler answers 503 + Retry-After itself within its budget", async () => {
      const logs: LogEntry[] = [];
      const handler = createHandler("inquiry", { env: testEnv(endpoint, { HANDLER_BUDGET_MS: "400" }), log: (e) => logs.push(e) });
      const started = performance.now();
      const result = await handler(post());
      const elapsed = performance.now() - started;
      expect(result.statusCode).toBe(503);
      expect(Number(result.headers["retry-after"])).toBeGreaterThan(0);
      expectErrorShape(result.body, "unavailable");
      expect(elapsed).toBeLessThan(1500);
      expect(logs.at(-1)).toMatchObject({ outcome: "unavailable", status: 503, error: "TimeoutError" });
    });

    it("keeps a second in reserve before Lambda's own timeout", async () => {
      const handler = createHandler("inquiry", { env: testEnv(endpoint), log: () => {} });
      const started = performance.now();
      const result = await handler(post(), { getRemainingTimeInMillis: () => 1500 });
      expect(result.statusCode).toBe(503);
      expect(performance.now() - started).toBeLessThan(1400);
    });
  });

  it("the SDK's retries end well inside the handler's budget, itself inside the 10 s Lambda timeout", () => {
    const worst = SDK_BUDGET.maxAttempts * (SDK_BUDGET.connectionTimeoutMs + SDK_BUDGET.requestTimeoutMs) + 1000; // + backoff
    expect(worst).toBeLessThanOrEqual(8000);
    expect(createHandler.length).toBeGreaterThan(0);
  });
});

describe("admin handlers", () => {
  // The same shape; the inbox words its own messages from the code, so the admin answers carry none.
  it("a database that is down is a 503 with Retry-After, in the same shape", async () => {
    const list = createListHandler({ env: testEnv("http://127.0.0.1:9"), log: () => {} });
    const result = await list({ ...adminEvent("GET", "/api/admin/submissions"), headers: { "accept-language": "fr-CA" } });
    expect(result.statusCode).toBe(503);
    expect(Number(result.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(result.body).errors).toEqual([{ field: null, code: "unavailable" }]);
  });

  it("a programming error is a 500 with its stack in the log, in the same shape", async () => {
    const logs: LogEntry[] = [];
    // A clock that is not a clock: the code fails (TypeError), not the database.
    const list = createListHandler({ env: testEnv(db.endpoint), log: (e) => logs.push(e), now: () => undefined as unknown as Date });
    const result = await list(adminEvent("GET", "/api/admin/submissions"));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).errors).toEqual([{ field: null, code: "internal" }]);
    expect(logs.at(-1)).toMatchObject({ event: "admin:list", outcome: "error", status: 500, error: "TypeError" });
    expect(logs.at(-1)!.stack).toMatch(/^at /);
  });
});

describe("only CloudFront reaches the API (origin secret)", () => {
  const SECRET = "s3cr3t-origin-value-for-tests";
  it("refuses a request without the secret with 403, logged, and stores nothing", async () => {
    const logs: LogEntry[] = [];
    const handler = createHandler("inquiry", { env: testEnv(db.endpoint, { ORIGIN_SECRET: SECRET }), log: (e) => logs.push(e) });
    const before = (await db.items()).length;
    for (const headers of [{}, { [ORIGIN_HEADER]: "wrong" }, { [ORIGIN_HEADER]: `${SECRET}x` }] as Array<Record<string, string>>) {
      const result = await handler(post({ ...headers, "accept-language": "en" }));
      expect(result.statusCode).toBe(403);
      expect(expectErrorShape(result.body, "forbidden").message).toBe("This request must be sent from the website.");
    }
    expect((await db.items()).length).toBe(before);
    expect(logs.filter((l) => l.outcome === "forbidden")).toHaveLength(3);
    const ok = await handler(post({ [ORIGIN_HEADER]: SECRET }));
    expect(ok.statusCode).toBe(201);
  });

  it("refuses an admin request without the secret even with a valid token", async () => {
    const list = createListHandler({ env: testEnv(db.endpoint, { ORIGIN_SECRET: SECRET }), log: () => {} });
    expect((await list(adminEvent("GET", "/api/admin/submissions"))).statusCode).toBe(403);
    const event = adminEvent("GET", "/api/admin/submissions");
    expect((await list({ ...event, headers: { ...event.headers, [ORIGIN_HEADER]: SECRET } })).statusCode).toBe(200);
  });
});
