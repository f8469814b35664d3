import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { sourceComparisonStatus, sourcesDir } from "./sources.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

describe("SOURCES_DIR: where the source pages are", () => {
  test.each([
    [{}, undefined],
    [{ SOURCES_DIR: "" }, undefined],
    [{ SOURCES_DIR: "  " }, undefined],
    [{ SOURCES_DIR: "/data/seeds" }, "/data/seeds"],
    [{ SOURCES_DIR: "../sources" }, join(repoRoot, "..", "sources")],
  ])("%j → %s", (env, expected) => {
    expect(sourcesDir(env)).toBe(expected);
  });

  test("a relative folder is resolved against the repository root, not the working directory", () => {
    const dir = sourcesDir({ SOURCES_DIR: "seeds" })!;
    expect(isAbsolute(dir)).toBe(true);
    expect(dir).toBe(join(repoRoot, "seeds"));
  });

  test("the summary says whether the comparison ran, and why not", () => {
    expect(sourceComparisonStatus({})).toMatch(/^source comparison not run: SOURCES_DIR is not set/);
    expect(sourceComparisonStatus({ SOURCES_DIR: "/data/seeds" })).toBe("source comparison ran against /data/seeds (SOURCES_DIR)");
  });
});
