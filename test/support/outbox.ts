/**
 * The emails a test's local server wrote to its outbox (.eml files), and the check every such test makes
 * before it removes its data folder: each message's links are absolute (issue 14).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { relativeLinks } from "../../src/lib/submissions/notify.ts";

export interface OutboxMessage {
  file: string;
  to: string;
  subject: string;
  body: string;
}

/** Decodes RFC 2047 encoded words (UTF-8, base64) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
}

export function readOutbox(dataDir: string): OutboxMessage[] {
  const dir = join(dataDir, "outbox");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const split = text.indexOf("\r\n\r\n");
    const head = text.slice(0, split);
    const header = (name: string) => decodeHeader(new RegExp(`^${name}: (.*)$`, "m").exec(head)?.[1] ?? "");
    return { file, to: header("To"), subject: header("Subject"), body: text.slice(split + 4) };
  });
}

/** Every message in the outbox has links, and every link is absolute (from `origin` when given). */
export function expectOnlyAbsoluteLinks(dataDir: string, origin?: string): OutboxMessage[] {
  const messages = readOutbox(dataDir);
  for (const message of messages) {
    expect(relativeLinks(message.body), message.file).toEqual([]);
    const links = message.body.match(/https?:\/\/\S+/g) ?? [];
    expect(links.length, message.file).toBeGreaterThan(0);
    if (origin) for (const link of links) expect(link.startsWith(`${origin}/`), `${message.file}: ${link}`).toBe(true);
  }
  return messages;
}
