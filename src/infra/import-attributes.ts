/**
 * esbuild plugin for SST v2's function bundler.
 *
 * SST 2.49 bundles handlers with its own esbuild 0.18, which predates import attributes
 * (`import x from "./x.json" with { type: "json" }`, esbuild ≥ 0.19.7). Node 24 requires that syntax for
 * JSON imports, so the project's TypeScript uses it and SST's bundler fails on it ("Expected ';' but
 * found 'with'"). Bundling inlines the JSON anyway, so the attribute is only dropped from static
 * `.json` imports of the project's own files before esbuild parses them; nothing else changes.
 */
import { readFile } from "node:fs/promises";

// An import/export statement (from the start of a line, possibly over several lines) ending in
// `from "….json" with { type: "json" }`, either quote style, any spacing; everything but the attribute is kept.
const JSON_IMPORT_ATTRIBUTE =
  /^(\s*(?:import|export)\b[^;]*?\bfrom\s*(["'])[^"'\n]+\.json\2)\s*with\s*\{\s*type\s*:\s*(["'])json\3\s*\}/gm;

export function stripJsonImportAttributes(source: string): string {
  return source.replace(JSON_IMPORT_ATTRIBUTE, "$1");
}

/** Minimal structural type of an esbuild plugin (esbuild is SST's dependency, not the project's). */
export interface EsbuildPlugin {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => Promise<{ contents: string; loader: "ts" | "tsx" } | undefined>,
    ): void;
  }): void;
}

export const jsonImportAttributes: EsbuildPlugin = {
  name: "json-import-attributes",
  setup(build) {
    build.onLoad({ filter: /\.(mts|cts|ts|tsx)$/ }, async ({ path }) => {
      if (path.includes("/node_modules/")) return undefined;
      const source = await readFile(path, "utf8");
      const stripped = stripJsonImportAttributes(source);
      if (stripped === source) return undefined;
      return { contents: stripped, loader: path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};
