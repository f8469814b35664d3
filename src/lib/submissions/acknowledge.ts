/**
 * The acknowledgement to the person who wrote (issue 14, as GOV.UK Forms does): once a submission is
 * stored, one email to the address they gave, in the language they chose for the reply, with the
 * reference, what happens next, the business-development contact and the privacy notice's link — and no
 * other answer repeated. It goes through the same notifier as the notification (an .eml in .data/outbox/
 * locally, SES on AWS), is retried once, and never fails the submission: a failure is logged with the
 * reference only.
 *
 * It cannot be used to send mail to strangers in bulk: it is sent only for a submission just created,
 * which the per-address rate limit has already counted, and at most `ACK_MAX_PER_RECIPIENT` times per
 * rate-limit window to one recipient (counted in the rate-limit table under an HMAC of the address).
 */
import organisation from "../../../content/catalogue/organisation.json" with { type: "json" };
import { formatPhone } from "../../i18n/format.ts";
import type { Lang } from "../../i18n/locales.ts";
import { href } from "../../i18n/routes.ts";
import { translations, uiStrings } from "../../i18n/translate.ts";
import type { FormType } from "../forms/fields.ts";
import type { Logger } from "./log.ts";
import { deliver, isAbsoluteOrigin, type EmailMessage, type NotifySettings } from "./notify.ts";

/** Acknowledgements one address may receive per rate-limit window. */
export const ACK_MAX_PER_RECIPIENT = 3;

export interface AcknowledgementInput {
  reference: string;
  type: FormType;
  /** The page's language, used when no reply language was chosen. */
  lang: Lang;
  answers: Record<string, string | string[]>;
}

/** The reply language the person chose, else the page's. */
export function replyLanguage(input: Pick<AcknowledgementInput, "lang" | "answers">): Lang {
  const chosen = input.answers.preferredLanguage;
  return chosen === "fr" || chosen === "en" ? chosen : input.lang;
}

const contact = organisation.businessDevelopment as { emails: string[]; phones: Array<{ e164: string; extension?: string }> };

/**
 * The acknowledgement, or undefined when no email address was given. Only the reference, the form's
 * name, the contact and the privacy link: nothing the person typed but the address it goes to.
 */
export function composeAcknowledgement(input: AcknowledgementInput, options: { siteOrigin: string; from: string }): EmailMessage | undefined {
  const to = input.answers.email;
  if (typeof to !== "string" || to === "") return undefined;
  const lang = replyLanguage(input);
  const t = translations(uiStrings[lang], lang);
  const phone = contact.phones[0];
  return {
    to,
    from: options.from,
    tag: "ack",
    subject: t("email.ack.subject", { reference: input.reference }),
    text: `${t("email.ack.body", {
      type: t(`forms.type.${input.type}`),
      reference: input.reference,
      contactEmail: contact.emails[0] ?? "",
      contactPhone: phone ? formatPhone(phone, lang) : "",
      privacyLink: `${options.siteOrigin}${href(lang, "privacy")}`,
    })}\n`,
  };
}

/** Counts one acknowledgement to a recipient; false when the recipient has had its share this window. */
export type RecipientLimit = (recipient: string) => Promise<boolean>;

/**
 * Sends the acknowledgement of a stored submission. Never throws; returns what happened and logs it with
 * the reference only (never the address).
 */
export async function acknowledge(
  input: AcknowledgementInput,
  settings: NotifySettings | undefined,
  log: Logger,
  withinLimit: RecipientLimit = async () => true,
): Promise<"sent" | "skipped" | "limited" | "failed"> {
  const fields = { event: "acknowledgement", type: input.type, reference: input.reference };
  if (!settings?.notifier) return "skipped";
  try {
    if (!isAbsoluteOrigin(settings.siteOrigin)) throw Object.assign(new Error("No absolute site origin"), { name: "NoSiteOrigin" });
    const message = composeAcknowledgement(input, settings);
    if (!message) return "skipped";
    if (!(await withinLimit(message.to.trim().toLowerCase()))) {
      log({ ...fields, outcome: "limited" });
      return "limited";
    }
    await deliver(settings.notifier, message, log, fields);
    log({ ...fields, outcome: `sent:${settings.notifier.kind}` });
    return "sent";
  } catch (error) {
    log({ ...fields, outcome: "failed", error: (error as Error).name });
    return "failed";
  }
}
