/**
 * The schema of the catalogue: every fact of the source pages, as data.
 * Files live under content/catalogue/ and are validated at build time (and by the tests);
 * a malformed entry fails with a message naming the file and the field (see load.ts).
 *
 * Conventions:
 * - every human-readable text is `Localized` ({ fr, en }), French being the source;
 * - money is integer cents of Canadian dollars (docs/interpretations.md §11);
 * - percentages are numbers of percent (85 means 85 %);
 * - times are wall-clock "HH:MM" in Québec time; dates are "YYYY-MM-DD".
 */
import { z } from "zod";

const nonEmpty = z.string().trim().min(1);

export const localized = z.strictObject({ fr: nonEmpty, en: nonEmpty }).describe("A text in French and English");
export type LocalizedText = z.infer<typeof localized>;

export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case: lowercase letters, digits and hyphens")
  .describe("Stable identifier, used in URLs and tests");

export const isoDate = z.iso.date().describe("A calendar date YYYY-MM-DD");

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM (00:00 to 23:59)")
  .describe("A wall-clock time in Québec time");

export const timeWindow = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((w) => w.start < w.end, { message: "the window must end after it starts", path: ["end"] })
  .describe("A daily window of business hours, on business days only");

const percent = z.number().gt(0).lte(100);
const positive = z.number().positive().finite();
const cents = z.number().int().nonnegative().describe("An amount in integer cents of CAD");

/** What a service level promises. */
export const target = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("availability"),
    percent,
    period: z.literal("month"),
  }).describe("Monthly availability, e.g. 99,999 % mensuel"),
  z.strictObject({
    kind: z.literal("elapsed"),
    amount: positive,
    unit: z.enum(["seconds", "minutes", "hours"]),
  }).describe("Elapsed time around the clock (24/7), e.g. help-desk P1: 3 heures"),
  z.strictObject({
    kind: z.literal("business-hours"),
    amount: positive,
    unit: z.enum(["seconds", "minutes", "hours"]),
    window: timeWindow,
    orLess: z.boolean().optional().describe("The source says « et moins » (e.g. 40 secondes et moins)"),
    printedAs: z
      .enum(["business-hours", "duration"])
      .optional()
      .describe("How the source words it: « 4 heures ouvrables » (the default), or a plain duration whose window is a condition (« 10 heures », d)"),
  }).describe("Time counted only inside a daily window on business days, e.g. 4 heures ouvrables (08:00–17:00)"),
  z.strictObject({
    kind: z.literal("business-days"),
    amount: z.number().int().positive(),
    countedFrom: z.enum(["request", "billing-date", "quarter-end"]).default("request"),
  }).describe("Business days, counted from the day after the request (or after a billing date or a quarter end)"),
  z.strictObject({
    kind: z.literal("business-days-range"),
    min: z.number().int().positive(),
    max: z.number().int().positive(),
  }).refine((t) => t.min < t.max, { message: "min must be less than max", path: ["max"] })
    .describe("A range of business days, e.g. 10 à 20 jours ouvrables"),
  z.strictObject({
    kind: z.literal("calendar-days"),
    amount: z.number().int().positive(),
  }).describe("Days the source does not call business days (videoconference, docs/interpretations.md §3)"),
  z.strictObject({ kind: z.literal("by-agreement") }).describe("« Entente commune »: set by agreement, no computable deadline"),
  z.strictObject({
    kind: z.literal("share"),
    percent,
  }).describe("A share of cases, e.g. 65 % des incidents résolus (au premier contact)"),
]);
export type Target = z.infer<typeof target>;

export const footnote = z.strictObject({
  ref: z.string().regex(/^[a-z]$/, "a footnote reference is one lowercase letter"),
  text: localized,
});

export const serviceLevel = z.strictObject({
  id,
  category: z.enum(["availability", "delay", "performance"]),
  description: localized,
  target,
  attainment: percent.optional().describe("« dans 85 % des cas »: the share of requests the target applies to"),
  footnotes: z.array(z.string().regex(/^[a-z]$/)).default([]).describe("References to the table's conditions (a–e)"),
  pausable: z.boolean().default(false).describe("Counting stops while the incident waits on the user (condition e)"),
});
export type ServiceLevel = z.infer<typeof serviceLevel>;

export const serviceLevelTable = z
  .strictObject({
    id,
    title: localized,
    levels: z.array(serviceLevel).min(1),
    /** « Conditions d'atteinte des niveaux de service »: `null` where the source says « S. O. » (sans objet). */
    conditions: z.array(footnote).nullable(),
    conditionsOmitted: z
      .boolean()
      .default(false)
      .describe("The source prints no conditions section at all for this table (not even « S. O. »): show none"),
    notes: z.array(localized).default([]),
  })
  .superRefine((table, ctx) => {
    if (table.conditionsOmitted && table.conditions !== null) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "must be null when conditionsOmitted is true" });
    }
    const seenRefs = new Set<string>();
    (table.conditions ?? []).forEach((c, i) => {
      if (seenRefs.has(c.ref)) ctx.addIssue({ code: "custom", path: ["conditions", i, "ref"], message: `condition "${c.ref}" is defined twice` });
      seenRefs.add(c.ref);
    });
    const refs = new Set((table.conditions ?? []).map((c) => c.ref));
    table.levels.forEach((level, i) =>
      level.footnotes.forEach((ref, j) => {
        if (!refs.has(ref)) {
          ctx.addIssue({ code: "custom", path: ["levels", i, "footnotes", j], message: `condition "${ref}" is not defined in this table's conditions` });
        }
      }),
    );
  });
export type ServiceLevelTable = z.infer<typeof serviceLevelTable>;

export const phone = z.strictObject({
  e164: z.string().regex(/^\+1\d{10}$/, "must be a North American number in E.164 form, e.g. +14186441500"),
  vanity: z.string().regex(/^[A-Z]{4}$/).optional().describe("Letters printed for the last four digits, e.g. CSPQ"),
  extension: z.string().regex(/^\d+$/).optional(),
  menuOption: z.number().int().positive().optional().describe("The option to choose in the phone menu"),
});
export type Phone = z.infer<typeof phone>;

export const hours = z.discriminatedUnion("days", [
  z.strictObject({ days: z.literal("weekdays"), window: timeWindow }),
  z.strictObject({ days: z.literal("always") }).describe("24 hours a day, 7 days a week"),
]);
export type Hours = z.infer<typeof hours>;

export const contact = z.strictObject({
  id,
  name: localized.describe("Who answers, e.g. Développement des affaires"),
  audience: localized.optional().describe("Who should call, e.g. organisations that are not yet clients"),
  phones: z.array(phone).default([]),
  emails: z.array(z.email()).default([]),
  hours: hours.optional(),
  note: localized.optional(),
});
export type Contact = z.infer<typeof contact>;

/** A cell of the mobility support matrix: who to reach at one carrier for one kind of question. */
export const supportCell = z.strictObject({
  team: localized.optional(),
  phone: phone.optional(),
  email: z.email().optional(),
});

export const supportMatrix = z
  .strictObject({
    carriers: z.array(z.strictObject({ id, name: nonEmpty, rank: z.number().int().positive() })).min(1),
    rows: z.array(
      z.strictObject({
        id,
        topic: localized,
        /** Per carrier id; a row that holds for every carrier uses the key "all". */
        cells: z.record(z.string(), supportCell),
        hours: hours.optional().describe("When these questions are answered, where it differs from the service's support hours (24/7 technical support)"),
      }),
    ),
  })
  .superRefine((matrix, ctx) => {
    // A misspelt carrier key would silently drop a cell from the rendered table.
    const keys = new Set([...matrix.carriers.map((c) => c.id), "all"]);
    matrix.rows.forEach((row, i) =>
      Object.keys(row.cells).forEach((key) => {
        if (!keys.has(key)) {
          ctx.addIssue({ code: "custom", path: ["rows", i, "cells", key], message: `"${key}" is neither a carrier id nor "all"` });
        }
      }),
    );
  });

export const priorityLevel = z.strictObject({
  priority: z.number().int().min(1).max(5),
  severity: localized,
  descriptions: z.array(localized).min(1),
});

export const subscriptionPrice = z.strictObject({
  id,
  name: localized,
  monthlyCents: cents,
  unit: z.enum(["terminal", "workstation", "licence"]).describe("What one subscription is counted per"),
  unitLabel: localized.describe("As the source prints it, e.g. Mensuel par terminal"),
  serviceFeeCents: cents.describe("Frais de service (FS), one-time per unit (docs/interpretations.md §12)"),
});

export const optionalPrice = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("recording"),
    id,
    name: localized,
    firstHourCents: cents,
    additionalBlockCents: cents,
    blockMinutes: z.number().int().positive(),
    unitLabel: localized,
  }),
  z.strictObject({ kind: z.literal("hourly"), id, name: localized, hourlyCents: cents, unitLabel: localized }),
]);

export const priceList = z.strictObject({
  version: isoDate.describe("The date of the price list: the source page's last update"),
  subscriptions: z.array(subscriptionPrice).min(1),
  optional: z.array(optionalPrice),
});
export type PriceList = z.infer<typeof priceList>;

/** A document the source links to but that the site does not have (« [texte](#) »). */
export const documentOnRequest = z.strictObject({ id, title: localized });

export const serviceGroup = z.strictObject({
  id,
  name: localized,
  items: z.array(z.strictObject({ id, name: localized, abbreviation: z.string().optional() })).min(1),
});

export const service = z.strictObject({
  id: z.enum(["telephony", "videoconference", "mobility", "cau", "csc"]).describe("Also the page id in src/i18n/routes.ts"),
  provider: z.enum(["CSPQ", "ITQ"]),
  name: localized,
  summary: localized.describe("One or two sentences for the catalogue on the home page"),
  source: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/).describe("The seed file the facts come from"),
  lastUpdated: isoDate.optional().describe("« Dernière mise à jour » of the source page"),
  copyrightYear: z.number().int().min(2000).max(2100).optional(),
  groups: z.array(serviceGroup).default([]).describe("Sub-services as the source groups them"),
  offers: z.array(localized).default([]).describe("What a help desk offers"),
  included: z.array(localized).default([]),
  includedNote: localized.optional(),
  optionalServices: z.array(localized).default([]),
  optionalNote: localized.optional(),
  excluded: z.array(localized).default([]),
  partnership: z
    .strictObject({
      provider: z.array(localized),
      client: z.array(localized),
      notes: z.array(localized).default([]),
    })
    .optional(),
  serviceHours: localized.optional().describe("When the service itself is available"),
  serviceLevelTables: z.array(serviceLevelTable).default([]),
  serviceLevelNotes: z.array(localized).default([]),
  priorityMatrix: z.array(priorityLevel).optional(),
  phoneOptions: z
    .array(z.strictObject({ option: z.number().int().positive(), label: localized, services: z.array(localized).min(1) }))
    .default([]),
  reporting: localized.optional(),
  pricing: z.strictObject({
    text: z.array(localized).min(1),
    priceList: priceList.optional(),
    onRequest: z.boolean().describe("True where the source publishes no price (« tarif sur demande »)"),
  }),
  support: z.strictObject({ text: z.array(localized).min(1), hours: hours.optional() }).optional(),
  contacts: z.array(contact).default([]),
  supportMatrix: supportMatrix.optional(),
  howToObtain: z.array(localized).default([]),
  relatedServices: z.array(localized).default([]),
  usefulLinks: z.array(localized).default([]).describe("Titles listed under « Liens utiles », without links"),
  documents: z.array(documentOnRequest).default([]),
})
  .superRefine((svc, ctx) => {
    svc.priorityMatrix?.forEach((p, i) => {
      if (p.priority !== i + 1) {
        ctx.addIssue({ code: "custom", path: ["priorityMatrix", i, "priority"], message: `expected priority ${i + 1}: priorities are listed P1 to P5 in order` });
      }
    });
  });
export type Service = z.infer<typeof service>;

export const organisation = z.strictObject({
  generalLine: contact.describe("« Ligne CSPQ », in the footer of every page"),
  businessDevelopment: contact.describe("Développement des affaires: how a public body not yet a client obtains a service"),
  /** The grouping of the home page's catalogue: each entry points to a service, or to one of its groups. */
  catalogue: z.array(
    z.strictObject({ id, name: localized, service: z.string(), group: z.string().optional() }),
  ).min(1),
});
export type Organisation = z.infer<typeof organisation>;

export type Footnote = z.infer<typeof footnote>;
export type SupportCell = z.infer<typeof supportCell>;
export type SupportMatrix = z.infer<typeof supportMatrix>;
export type PriorityLevel = z.infer<typeof priorityLevel>;
export type SubscriptionPrice = z.infer<typeof subscriptionPrice>;
export type OptionalPrice = z.infer<typeof optionalPrice>;
export type DocumentOnRequest = z.infer<typeof documentOnRequest>;
export type ServiceGroup = z.infer<typeof serviceGroup>;
export type ServiceId = Service["id"];
export type CatalogueEntry = Organisation["catalogue"][number];
