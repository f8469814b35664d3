/**
 * What each form asks, as data: the browser island, the server validation, the no-JavaScript
 * error page and the CLI all read these lists, so a field is declared once.
 * Labels and help texts are interface strings (`forms.field.<name>` …), never here.
 */

export const formTypes = ["adviser-request", "inquiry"] as const;
export type FormType = (typeof formTypes)[number];

/** Reference prefixes: CON- for « conseiller » (adviser request), INF- for « information » (inquiry). */
export const referencePrefix: Record<FormType, string> = { "adviser-request": "CON", inquiry: "INF" };

/** The page id of each form (src/i18n/routes.ts). */
export const formPage = { "adviser-request": "adviserForm", inquiry: "inquiryForm" } as const;

/** The API path each form posts to. */
export const formAction: Record<FormType, string> = {
  "adviser-request": "/api/adviser-requests",
  inquiry: "/api/inquiries",
};

export const organisationTypes = [
  "ministry",
  "agency",
  "health-network",
  "education-network",
  "municipality",
  "other-public-body",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** The services of the catalogue (src/data/schema.ts `service.id`), for « services of interest ». */
export const serviceIds = ["telephony", "videoconference", "mobility", "cau", "csc"] as const;
export type ServiceId = (typeof serviceIds)[number];

export const preferredLanguages = ["fr", "en"] as const;

export const statuses = ["new", "in-progress", "answered", "closed"] as const;
export type Status = (typeof statuses)[number];

export type FieldKind = "text" | "email" | "tel" | "extension" | "textarea" | "select" | "radio" | "checkboxes" | "hidden";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Maximum length in characters (after trimming), or the maximum number of choices. */
  max: number;
  /** HTML autocomplete token (WCAG 1.3.5, identify input purpose). */
  autocomplete?: string;
  options?: readonly string[];
}

const organisation: FieldSpec = { name: "organisation", kind: "text", required: true, max: 200, autocomplete: "organization" };
const name: FieldSpec = { name: "name", kind: "text", required: true, max: 150, autocomplete: "name" };
const email: FieldSpec = { name: "email", kind: "email", required: true, max: 254, autocomplete: "work email" };
const phone: FieldSpec = { name: "phone", kind: "tel", required: false, max: 30, autocomplete: "work tel" };
const extension: FieldSpec = { name: "extension", kind: "extension", required: false, max: 8, autocomplete: "work tel-extension" };
const preferredLanguage: FieldSpec = { name: "preferredLanguage", kind: "radio", required: true, max: 2, options: preferredLanguages };

export const fields: Record<FormType, readonly FieldSpec[]> = {
  "adviser-request": [
    organisation,
    name,
    email,
    phone,
    extension,
    { name: "role", kind: "text", required: false, max: 150, autocomplete: "organization-title" },
    preferredLanguage,
    { name: "message", kind: "textarea", required: false, max: 2000 },
  ],
  inquiry: [
    organisation,
    { name: "organisationType", kind: "select", required: true, max: 40, options: organisationTypes },
    name,
    email,
    phone,
    extension,
    { name: "services", kind: "checkboxes", required: false, max: serviceIds.length, options: serviceIds },
    { name: "message", kind: "textarea", required: true, max: 2000 },
    preferredLanguage,
    // The estimator's state (`?estimate=`), attached as it was computed; opaque to this form.
    { name: "estimate", kind: "hidden", required: false, max: 1000 },
  ],
};

/** Fields that are not answers: the page language, the page it came from, the honeypot, the fill time. */
export const metaFields = ["lang", "source", "homepage", "elapsedMs"] as const;

/** The honeypot: hidden from people (and assistive technologies), filled only by robots. */
export const HONEYPOT_FIELD = "homepage";

/** Largest accepted request body, in bytes (413 above). */
export const MAX_BODY_BYTES = 16 * 1024;

/** With JavaScript, a submission sent sooner than this after the form was shown is treated as a robot's. */
export const DEFAULT_MIN_FILL_MS = 3000;
