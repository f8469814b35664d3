/**
 * The local server plays CloudFront's part (issue 13): it adds its own origin secret and the viewer's
 * address to what it forwards, replacing what a client sent, and answers with CloudFront's headers;
 * the handlers refuse a request without the secret and count the limit per viewer address — trusted
 * only when the secret is there.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN_HEADER } from "../../functions/core/lambda.ts";
import { requestClient, VIEWER_ADDRESS_HEADER, viewerIp } from "../../functions/core/rate-limit.ts";
import { createHandler } from "../../functions/core/submit.ts";
import { securityHeaders } from "../../src/infra/security-headers.ts";
import { cspHeader } from "../../src/infra/csp.ts";
import { startLocalServer, type LocalServer } from "../../src/server/start.ts";
import { key, postEvent, startTestDb, testEnv, validAdviser, validInquiry, type TestDb } from "./support.ts";

let dataDir: string;
let server: LocalServer;
let db: TestDb;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "local-server-"));
  server = await startLocalServer({ port: 0, dataDir, distDir: dataDir, logs: false });
  db = await startTestDb();
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the local server adds the origin secret, as CloudFront does", () => {
  it("forwards a browser's post with its own secret (a forged one is replaced) and CloudFront's headers", async () => {
    const response = await fetch(`${server.url}/api/adviser-requests`, {
      method: "POST",
      headers: { "content-type": "application/json", [ORIGIN_HEADER]: "forged", [VIEWER_ADDRESS_HEADER]: "203.0.113.9:1234", "idempotency-key": key() },
      body: JSON.stringify(validAdviser),
    });
    expect(response.status).toBe(201);
    for (const [name, value] of Object.entries(securityHeaders(cspHeader([])))) expect(response.headers.get(name), name).toBe(value);
  });

  it("a handler with the server's secret refuses a request that did not come through it (403)", async () => {
    const handler = createHandler("inquiry", { env: testEnv(server.dynamoEndpoint, { ORIGIN_SECRET: server.originSecret }), log: () => {} });
    const result = await handler(postEvent("/api/inquiries", JSON.stringify(validInquiry), { headers: { "idempotency-key": key() } }));
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body).errors[0]).toMatchObject({ field: null, code: "forbidden" });
  });
});

describe("the rate limit counts the viewer's address", () => {
  it.each([
    ["198.51.100.10:46532", "198.51.100.10"],
    ["2001:db8::1:46532", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["198.51.100.10", undefined],
    ["not-an-address:80", undefined],
    ["", undefined],
  ])("CloudFront-Viewer-Address %j → %j", (value, ip) => {
    expect(viewerIp(value)).toBe(ip);
  });

  it("trusts the header only on a request that carried the origin secret", () => {
    expect(requestClient("198.51.100.10:1", "10.0.0.1", true)).toBe("198.51.100.10");
    expect(requestClient("198.51.100.10:1", "10.0.0.1", false)).toBe("10.0.0.1");
    expect(requestClient(undefined, "10.0.0.1", true)).toBe("10.0.0.1");
  });

  const SECRET = "origin-secret-for-the-limit-test";
  const send = (handler: ReturnType<typeof createHandler>, viewer: string, withSecret = true) =>
    handler(
      postEvent("/api/inquiries", JSON.stringify(validInquiry), {
        // Every request arrives from the same CloudFront edge address.
        sourceIp: "130.176.0.1",
        headers: { "idempotency-key": key(), [VIEWER_ADDRESS_HEADER]: viewer, ...(withSecret ? { [ORIGIN_HEADER]: SECRET } : {}) },
      }),
    );

  it("behind one edge, two readers have a limit each; one reader rotating inside its /64 does not escape it", async () => {
    const handler = createHandler("inquiry", { env: testEnv(db.endpoint, { ORIGIN_SECRET: SECRET, RATE_LIMIT_MAX: "1" }), log: () => {} });
    expect((await send(handler, "198.51.100.20:1000")).statusCode).toBe(201);
    expect((await send(handler, "198.51.100.21:1000")).statusCode).toBe(201);
    expect((await send(handler, "198.51.100.20:2000")).statusCode).toBe(429);
    expect((await send(handler, "2001:db8:5:6::1:1000")).statusCode).toBe(201);
    expect((await send(handler, "2001:db8:5:6:ffff::9:1000")).statusCode).toBe(429);
  });

  it("without an origin secret configured, a forged viewer address changes nothing", async () => {
    const handler = createHandler("inquiry", { env: testEnv(db.endpoint, { RATE_LIMIT_MAX: "1" }), log: () => {} });
    const edge = (viewer: string) =>
      handler(postEvent("/api/inquiries", JSON.stringify(validInquiry), { sourceIp: "130.176.0.2", headers: { "idempotency-key": key(), [VIEWER_ADDRESS_HEADER]: viewer } }));
    expect((await edge("198.51.100.30:1")).statusCode).toBe(201);
    expect((await edge("198.51.100.31:1")).statusCode).toBe(429);
  });
});
