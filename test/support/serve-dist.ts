import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "../../src/server/static.ts";

/** The built site's folder: `dist`, or DIST_DIR when a build was made elsewhere. */
export function distDir(): string {
  return resolve(process.env.DIST_DIR ?? "dist");
}

/**
 * Serves a built static site on loopback (a random port) with the server `npm start` uses
 * (src/server/static.ts): as S3 + CloudFront would, security headers included.
 */
export async function serveDist(root = distDir()): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`No built site in ${root}: run \`npm run build\` first.`);
  }
  return serveStatic({ root });
}
