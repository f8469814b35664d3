/**
 * Dependencies run one way (issue 12): `functions/`, `src/server/`, `src/cli/` and the islands import
 * from `src/lib/`; `src/lib/` never imports from them. The submissions domain lives in
 * `src/lib/submissions/`; `functions/` holds only entry points and the HTTP adapter.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|astro)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] as string);
  return specifiers.map((spec) => relative(root, resolve(dirname(join(root, file)), spec)));
}

describe("dependency direction", () => {
  it("src/lib/ imports nothing from functions/, src/server/, src/cli/ or components", () => {
    const wrong = sources("src/lib").flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(functions|src\/server|src\/cli|src\/components|src\/infra)\//.test(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("nothing outside functions/ imports a Lambda module except the local server and the infra tests", () => {
    const wrong = [...sources("src"), ...sources("test").filter((f) => !f.startsWith("test/fixtures/"))]
      .filter((file) => !file.startsWith("src/server/") && !file.startsWith("test/"))
      .flatMap((file) => importsOf(file).filter((t) => t.startsWith("functions/")).map((t) => `${file} → ${t}`));
    expect(wrong).toEqual([]);
  });

  it("functions/ keeps entry points and the HTTP adapter only: no storage commands outside src/lib/submissions and the rate limit", () => {
    const storage = sources("functions").filter((file) => /new (PutItem|GetItem|Query|UpdateItem|DeleteItem)Command/.test(readFileSync(join(root, file), "utf8")));
    expect(storage).toEqual(["functions/core/rate-limit.ts"]);
  });
});
