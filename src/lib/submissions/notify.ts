/**
 * New-submission notification: one email to the business-development address for each stored
 * submission, holding its reference and a link to the inbox — never the person's answers (the
 * inbox, behind sign-in, is where they are read).
 *
 * Delivery goes through a `Notifier`:
 *   - locally (`OUTBOX_DIR`, set by `npm start` to .data/outbox/): one .eml file per message, and a
 *     log line with the reference only;
 *   - on AWS (`NOTIFICATION_SENDER` + `NOTIFY_EMAIL` or `NOTIFICATION_RECIPIENT`): Amazon SES v2.
 *     @aws-sdk/client-sesv2 is not a dependency of the project yet: it is loaded at run time from the
 *     Lambda runtime, which ships the AWS SDK v3 (see README: add the package to pin its version).
 * A failed notification never fails the submission: it is logged and the submission stands.
 *
 * Every link in an email is absolute (a relative one cannot be clicked in a mail client): the origin is
 * `SITE_ORIGIN` on AWS and, locally, the local server's own address (`LOCAL_ORIGIN`, set by `npm start`).
 * `deliver` refuses a message with a relative link, and retries a failed send once.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { href } from "../../i18n/routes.ts";
import { translations, uiStrings } from "../../i18n/translate.ts";
import type { FormType } from "../forms/fields.ts";
import { jsonLogger, type Logger } from "./log.ts";

export interface NewSubmissionNotice {
  reference: string;
  type: FormType;
  createdAt: string;
}

export interface EmailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** What the message is, for the outbox file name ("ack"); the notification has none. */
  tag?: string;
}

export interface Notifier {
  readonly kind: "outbox" | "ses";
  send(message: EmailMessage): Promise<void>;
}

/** The message for a new submission: French first, then English; reference and inbox link only. */
export function composeNotice(notice: NewSubmissionNotice, options: { siteOrigin: string; to: string; from: string }): EmailMessage {
  const part = (lang: "fr" | "en") => {
    const t = translations(uiStrings[lang], lang);
    const link = `${options.siteOrigin}${href(lang, "inbox", { query: { ref: notice.reference } })}`;
    const type = t(`forms.type.${notice.type}`);
    return {
      subject: t("inbox.notify.subject", { reference: notice.reference, type }),
      text: t("inbox.notify.body", { reference: notice.reference, type, link }),
    };
  };
  const frPart = part("fr");
  const enPart = part("en");
  return { to: options.to, from: options.from, subject: `${frPart.subject} / ${enPart.subject}`, text: `${frPart.text}\n\n---\n\n${enPart.text}\n` };
}

/**
 * The links of a plain-text message that are not absolute: any word that starts like a path (`/fr/…`,
 * `./`, `../`, `?ref=`) or a link without a scheme (`www.…`, `//host`).
 * @example relativeLinks("See https://a.ca/fr/x/ and /fr/boite-de-reception/?ref=1") // ["/fr/boite-de-reception/?ref=1"]
 */
export function relativeLinks(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s(<«"“])((?:\.{0,2}\/|\?|www\.)[^\s)>»"”]*)/g)].map((m) => m[1] as string).filter((link) => link !== "/");
}

/** Whether an origin can start an absolute link: `http(s)://host[:port]`, nothing after. */
export function isAbsoluteOrigin(origin: string): boolean {
  return /^https?:\/\/[^/\s?#]+$/.test(origin);
}

export class RelativeLinkError extends Error {
  constructor() {
    super("An email link is not absolute");
    this.name = "RelativeLinkError";
  }
}

/**
 * Sends a message: refused (RelativeLinkError) when a link in it is relative; a failed send is retried
 * once. Logs each failed attempt with `fields` (a reference and a kind, never personal data) and the
 * error's name; throws the last error.
 */
export async function deliver(notifier: Notifier, message: EmailMessage, log: Logger, fields: { event: string; type?: string; reference?: string }): Promise<void> {
  if (relativeLinks(message.text).length > 0) throw new RelativeLinkError();
  try {
    await notifier.send(message);
  } catch (error) {
    log({ ...fields, outcome: "retrying", error: (error as Error).name });
    await notifier.send(message);
  }
}

/** RFC 2047 encoded word, for a subject with accents. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

/** The message as an .eml file (RFC 5322, plain text in UTF-8), readable by any mail client. */
export function toEml(message: EmailMessage, date: Date): string {
  return [
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString().replace("GMT", "+0000")}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    message.text.replace(/\r?\n/g, "\r\n"),
  ].join("\r\n");
}

/** Writes each message to `<dir>/<time>-<reference>.eml`. */
export function outboxNotifier(dir: string, now: () => Date = () => new Date()): Notifier {
  return {
    kind: "outbox",
    async send(message) {
      mkdirSync(dir, { recursive: true });
      const date = now();
      const reference = /[A-Z]{3}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(message.subject)?.[0] ?? "message";
      const name = `${date.toISOString().replace(/[:.]/g, "-")}-${reference}${message.tag ? `-${message.tag}` : ""}.eml`;
      writeFileSync(join(dir, name), toEml(message, date), { flag: "wx" });
    },
  };
}

interface SesV2Module {
  SESv2Client: new (config: { region?: string; requestHandler?: { connectionTimeout: number; requestTimeout: number } }) => { send(command: unknown): Promise<unknown> };
  SendEmailCommand: new (input: unknown) => unknown;
}

/** Amazon SES v2, loaded when first used (the name is not a literal, so bundling leaves it to the runtime). */
export function sesNotifier(options: { region?: string } = {}): Notifier {
  let client: Promise<{ ses: { send(command: unknown): Promise<unknown> }; module: SesV2Module }> | undefined;
  const moduleName = ["@aws-sdk", "client-sesv2"].join("/");
  return {
    kind: "ses",
    async send(message) {
      client ??= (import(moduleName) as Promise<SesV2Module>).then((module) => ({ module, ses: new module.SESv2Client({
        ...(options.region ? { region: options.region } : {}),
        // A slow mail service must not turn a stored submission into a timeout (and a duplicate on retry).
        requestHandler: { connectionTimeout: 2_000, requestTimeout: 3_000 },
      }) }));
      const { ses, module } = await client;
      await ses.send(
        new module.SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: [message.to] },
          Content: { Simple: { Subject: { Data: message.subject, Charset: "UTF-8" }, Body: { Text: { Data: message.text, Charset: "UTF-8" } } } },
        }),
      );
    },
  };
}

export interface NotifySettings {
  notifier?: Notifier;
  to: string;
  from: string;
  siteOrigin: string;
}

/** Where notifications go, from the environment; undefined when nothing is configured (nothing is sent). */
export function notifySettingsFromEnv(env: Record<string, string | undefined> = process.env): NotifySettings | undefined {
  // The public origin; locally the server's own address, since SITE_ORIGIN stays empty there (relative redirects).
  const siteOrigin = (env.SITE_ORIGIN || env.LOCAL_ORIGIN || "").replace(/\/+$/, "");
  if (env.OUTBOX_DIR) {
    return { notifier: outboxNotifier(env.OUTBOX_DIR), to: env.NOTIFY_EMAIL || "developpement-affaires@localhost", from: env.NOTIFICATION_SENDER || "site@localhost", siteOrigin };
  }
  // A sender alone still sends the acknowledgements (the notification needs its recipient too).
  const to = env.NOTIFY_EMAIL || env.NOTIFICATION_RECIPIENT || "";
  const from = env.NOTIFICATION_SENDER;
  if (!from) return undefined;
  return { notifier: sesNotifier(env.AWS_REGION ? { region: env.AWS_REGION } : {}), to, from, siteOrigin };
}

/**
 * Tells business development that a submission arrived. Never throws; returns what happened, and logs
 * it with the reference only.
 */
export async function notifyNewSubmission(
  notice: NewSubmissionNotice,
  settings: NotifySettings | undefined,
  log: Logger = jsonLogger,
): Promise<"sent" | "skipped" | "failed"> {
  if (!settings?.notifier || !settings.to) return "skipped";
  try {
    await deliver(settings.notifier, composeNotice(notice, settings), log, { event: "notification", type: notice.type, reference: notice.reference });
    log({ event: "notification", type: notice.type, reference: notice.reference, outcome: `sent:${settings.notifier.kind}` });
    return "sent";
  } catch (error) {
    log({ event: "notification", type: notice.type, reference: notice.reference, outcome: "failed", error: (error as Error).name });
    return "failed";
  }
}
