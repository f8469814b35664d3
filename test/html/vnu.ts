/**
 * The Nu HTML Checker (vnu.jar from the `vnu-jar` package) over built pages. It needs a Java runtime:
 * `java` on the PATH or JAVA_HOME (Debian: `apt-get install -y default-jre-headless`; `.ci/run` installs it).
 * The package's own Java downloader (its install script) is not run.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

export const INSTALL_JAVA = "apt-get update && apt-get install -y default-jre-headless";

export interface VnuMessage {
  /** The page, relative to the checked folder (e.g. "fr/index.html"). */
  file: string;
  type: string;
  line?: number;
  message: string;
  extract?: string;
}

/** Java from JAVA_HOME or the PATH; throws with the install command when there is none. */
export function javaPath(): string {
  const home = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : undefined;
  if (home && existsSync(home)) return home;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "java"))) return join(dir, "java");
  }
  throw new Error(`No Java runtime for the Nu HTML Checker. Install one with: ${INSTALL_JAVA} (or set JAVA_HOME).`);
}

export function vnuJar(): string {
  return join(createRequire(import.meta.url).resolve("vnu-jar/package.json"), "..", "build", "dist", "vnu.jar");
}

/** Checks every .html file under `root` (or the given files); returns the errors (warnings are left out). */
export async function checkHtml(root: string, files?: string[]): Promise<VnuMessage[]> {
  const args = ["-jar", vnuJar(), "--errors-only", "--format", "json", "--skip-non-html", ...(files ?? [root])];
  const output = await new Promise<string>((resolve, reject) => {
    // vnu exits 1 when it finds errors and writes its report to stderr.
    execFile(javaPath(), args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const text = stderr || stdout;
      if (error && !text.trim().startsWith("{")) reject(new Error(`vnu failed: ${error.message}\n${text}`));
      else resolve(text);
    });
  });
  const report = JSON.parse(output) as { messages: Array<{ url?: string; type: string; subType?: string; lastLine?: number; message: string; extract?: string }> };
  return report.messages
    .filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
    .map((m) => ({
      file: m.url ? relative(root, decodeURIComponent(new URL(m.url).pathname)) : "",
      type: m.type,
      line: m.lastLine,
      message: m.message,
      extract: m.extract,
    }));
}

export function formatHtmlErrors(errors: VnuMessage[]): string {
  return errors.map((e) => `${e.file}:${e.line ?? "?"}: ${e.message}${e.extract ? ` — ${e.extract.trim().slice(0, 120)}` : ""}`).join("\n");
}
