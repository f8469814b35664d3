/**
 * Small built sites for proving that each gate fails when it should (test/fixtures/checks/).
 *
 * `good/` is a complete little site every gate passes. Every other folder is a variant: the files it
 * holds replace or add to `good/`'s, and its `_variant.json` says what it is about and may
 * - `remove` files of the base (e.g. a page's English twin),
 * - `generate` large deterministic files (pseudo-random, so that gzip cannot shrink them) instead of
 *   checking in blobs: `{ "path": { "gzipBytes": 48000, "as": "css" | "js" } }`,
 * - set `"base": null` for a stand-alone site (the accessibility fixture).
 * `fixtureSite(name)` materialises a variant in a temporary folder and returns it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { listFiles } from "./site.ts";

export const FIXTURES_DIR = resolve(import.meta.dirname, "../fixtures/checks");

interface Variant {
  about: string;
  base?: string | null;
  remove?: string[];
  generate?: Record<string, { gzipBytes: number; as: "css" | "js" }>;
}

/** What a fixture variant is about (its `_variant.json`). */
export function variantOf(name: string): Variant {
  const file = join(FIXTURES_DIR, name, "_variant.json");
  if (name === "good") return { about: "a complete little site every gate passes", base: null };
  if (!existsSync(file)) throw new Error(`Fixture ${name} has no _variant.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Variant;
}

/** Deterministic pseudo-random text (mulberry32) that gzip compresses to roughly 3/4 of its length. */
export function incompressible(seed: number, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let state = seed >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % 64];
  }
  return out;
}

function generated(as: "css" | "js", gzipBytes: number): string {
  let length = Math.ceil(gzipBytes * 1.4);
  for (;;) {
    const noise = incompressible(gzipBytes, length);
    const text = as === "css" ? `.fixture-heavy::after{content:"${noise}"}\n` : `export const heavy="${noise}";\n`;
    if (gzipSync(text).length >= gzipBytes) return text;
    length = Math.ceil(length * 1.1);
  }
}

const materialised = new Map<string, string>();

/** The folder of a fixture site, ready to check (variants are built once per process in a temp folder). */
export function fixtureSite(name: string): string {
  if (name === "good") return join(FIXTURES_DIR, "good");
  const cached = materialised.get(name);
  if (cached) return cached;
  const variant = variantOf(name);
  const out = mkdtempSync(join(tmpdir(), `checks-${name}-`));
  const base = variant.base === undefined ? "good" : variant.base;
  if (base !== null) cpSync(join(FIXTURES_DIR, base), out, { recursive: true });
  const own = join(FIXTURES_DIR, name);
  for (const file of listFiles(own, (f) => !f.endsWith("_variant.json"))) {
    const target = join(out, relative(own, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  for (const path of variant.remove ?? []) {
    const target = join(out, path);
    if (!existsSync(target)) throw new Error(`Fixture ${name}: cannot remove ${path}, it is not in the base`);
    rmSync(target, { recursive: true });
  }
  for (const [path, spec] of Object.entries(variant.generate ?? {})) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, generated(spec.as, spec.gzipBytes));
  }
  materialised.set(name, out);
  return out;
}

/** Removes the temporary folders of the variants built so far. */
export function cleanFixtures(): void {
  for (const dir of materialised.values()) rmSync(dir, { recursive: true, force: true });
  materialised.clear();
}
