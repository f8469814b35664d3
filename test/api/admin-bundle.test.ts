/**
 * The admin handlers as Lambda runs them: bundled the way SST v2 bundles an ESM Node function
 * (esbuild, bundle, format esm, its createRequire banner; see node_modules/sst/runtime/handlers/node.js),
 * written to a folder with no node_modules, then loaded in a fresh Node process. A handler that drags in
 * local-only code (dynalite, the local server, the CLI's store opener) fails here instead of on AWS.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const handlers = ["functions/admin-list.ts", "functions/admin-get.ts", "functions/admin-update.ts", "functions/inquiries.ts"];

describe("admin handlers bundled as on AWS Lambda", () => {
  it("load without any local-only module", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-bundle-"));
    try {
      for (const entry of handlers) {
        const result = await build({
          entryPoints: [entry],
          platform: "node",
          bundle: true,
          format: "esm",
          target: "esnext",
          mainFields: ["module", "main"],
          external: ["sharp", "pg-native"],
          keepNames: true,
          write: false,
          logLevel: "silent",
          metafile: true,
          banner: {
            js: [
              "import { createRequire as topLevelCreateRequire } from 'module';",
              "const require = topLevelCreateRequire(import.meta.url);",
              'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
              'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
            ].join("\n"),
          },
        });
        const inputs = Object.keys(result.metafile.inputs);
        expect(inputs.filter((input) => /src\/server\/|src\/cli\/|node_modules\/dynalite\//.test(input)), entry).toEqual([]);
        const file = join(dir, `${entry.replace(/\W+/g, "-")}.mjs`);
        writeFileSync(file, result.outputFiles[0]!.text);
        const run = spawnSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(file)}); if (typeof m.handler !== "function") process.exit(3);`], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? "", AWS_REGION: "ca-central-1" },
          encoding: "utf8",
        });
        expect(run.status, `${entry}: ${run.stderr}`).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
