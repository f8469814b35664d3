/**
 * `npm run load`: 2 000 submissions at concurrency 50 through the local server (same handlers,
 * real dynalite on a temp data dir, rate limit raised by configuration), then a count of the
 * stored records. Prints throughput and p50/p99 latency; exits non-zero unless every request got
 * 201 and exactly 2 000 distinct records exist.
 *   Options (env): LOAD_TOTAL (2000), LOAD_CONCURRENCY (50).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dynamoClient } from "../../src/lib/submissions/dynamo.ts";
import { listAll } from "../../src/lib/submissions/store.ts";
import { localTableNames } from "../../src/lib/submissions/tables.ts";
import { startLocalServer } from "../../src/server/start.ts";

const TOTAL = Number(process.env.LOAD_TOTAL ?? 2000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function body(i: number): { path: string; json: Record<string, unknown> } {
  const common = { name: `Personne ${i}`, email: `personne${i}@exemple.gouv.qc.ca`, preferredLanguage: i % 2 ? "fr" : "en", lang: i % 2 ? "fr" : "en", elapsedMs: 10_000 };
  return i % 2
    ? { path: "/api/inquiries", json: { ...common, organisation: `Organisme ${i}`, organisationType: "agency", services: ["videoconference"], message: `Demande de charge n° ${i}` } }
    : { path: "/api/adviser-requests", json: { ...common, organisation: `Ministère ${i}`, role: "Analyste" } };
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "forms-load-"));
  const server = await startLocalServer({ port: 0, dataDir, distDir: dataDir, logs: false, env: { RATE_LIMIT_MAX: String(TOTAL * 10) } });
  try {
    console.log(`Load: ${TOTAL} submissions, concurrency ${CONCURRENCY}, ${server.url} (data in ${dataDir})`);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const references = new Set<string>();
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const { path, json } = body(i);
        const t0 = performance.now();
        let status = 0;
        try {
          const response = await fetch(`${server.url}${path}`, {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": `load-${process.pid}-${i}` },
            body: JSON.stringify(json),
          });
          status = response.status;
          const payload = (await response.json()) as { reference?: string };
          if (status === 201 && payload.reference) references.add(payload.reference);
        } catch {
          status = -1;
        }
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`Throughput: ${(TOTAL / seconds).toFixed(1)} submissions/s (${seconds.toFixed(2)} s)`);
    console.log(`Latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`);
    console.log(`Statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`);

    const stored = await listAll(dynamoClient({ endpoint: server.dynamoEndpoint, region: "local" }), localTableNames.submissions);
    const storedRefs = new Set(stored.map((s) => s.reference));
    const missing = [...references].filter((r) => !storedRefs.has(r)).length;
    console.log(`Records counted: ${stored.length} (distinct ${storedRefs.size}; references answered ${references.size}; answered but missing ${missing})`);
    const ok = statuses.get(201) === TOTAL && stored.length === TOTAL && storedRefs.size === TOTAL && references.size === TOTAL && missing === 0;
    console.log(ok ? "OK" : `FAILED: expected exactly ${TOTAL} records and ${TOTAL} answers 201`);
    return ok ? 0 : 1;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
