import { describe, expect, test } from "vitest";
import { CatalogueError, formatPath, loadCatalogue } from "../../../src/data/load.ts";
import { allContacts, allServiceLevels, catalogue, catalogueFiles, levelById, serviceById, videoconferencePriceList } from "../../../src/data/index.ts";
import { pageIds } from "../../../src/i18n/routes.ts";

const ORG = "content/catalogue/organisation.json";
const svc = (id: string) => `content/catalogue/services/${id}.json`;

/** A deep copy of the real files, to break one field at a time. */
function files(): Record<string, any> {
  return structuredClone(catalogueFiles) as Record<string, any>;
}

describe("the real catalogue", () => {
  test("validates, with the five services in page order", () => {
    expect(() => loadCatalogue(files())).not.toThrow();
    expect(catalogue.services.map((s) => s.id)).toEqual(["telephony", "videoconference", "mobility", "cau", "csc"]);
  });

  test("every service id is a page id of the routes", () => {
    for (const s of catalogue.services) expect(pageIds).toContain(s.id);
  });

  test("service-level ids are unique and prefixed by their service", () => {
    const ids = allServiceLevels().map((r) => r.level.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { service, level } of allServiceLevels()) expect(level.id.startsWith(`${service.id}-`)).toBe(true);
  });

  test.each([
    // id, service, kind
    ["telephony-stc-availability", "telephony", "availability"],
    ["telephony-analog-install-15-plus", "telephony", "by-agreement"],
    ["telephony-toll-free-complex", "telephony", "business-days-range"],
    ["telephony-remote-programming", "telephony", "business-hours"],
    ["videoconference-first-installation", "videoconference", "calendar-days"],
    ["mobility-billing-reports", "mobility", "business-days"],
    ["cau-restore-p5", "cau", "business-hours"],
    ["csc-restore-p1", "csc", "elapsed"],
    ["csc-first-contact-resolution", "csc", "share"],
  ] as const)("levelById(%s) finds it in %s with a %s target", (id, service, kind) => {
    const ref = levelById(id);
    expect(ref?.service.id).toBe(service);
    expect(ref?.level.target.kind).toBe(kind);
    expect(ref?.table.levels).toContain(ref?.level);
  });

  test("levelById is undefined for an unknown id; serviceById throws for one", () => {
    expect(levelById("csc-restore-p6")).toBeUndefined();
    expect(() => serviceById("fax" as never)).toThrow(/No service "fax"/);
    expect(serviceById("csc").provider).toBe("ITQ");
    expect(serviceById("cau").provider).toBe("CSPQ");
  });

  test.each([
    ["telephony", 18],
    ["videoconference", 6],
    ["mobility", 9],
    ["cau", 7],
    ["csc", 7],
  ] as const)("%s has %i service levels", (id, count) => {
    expect(allServiceLevels().filter((r) => r.service.id === id)).toHaveLength(count);
  });

  test("help-desk restore levels are pausable, and only they are (docs/interpretations.md §6)", () => {
    const pausable = allServiceLevels().filter((r) => r.level.pausable).map((r) => r.level.id).sort();
    expect(pausable).toEqual(["cau", "csc"].flatMap((d) => [1, 2, 3, 4, 5].map((p) => `${d}-restore-p${p}`)).sort());
  });

  test.each([
    // the business-hour windows of docs/interpretations.md §4
    ["telephony-remote-programming", "07:00", "18:00"],
    ["mobility-reset-voicemail-password", "08:00", "17:00"],
    ["mobility-restore-service", "08:00", "17:00"],
    ["cau-answer-calls", "07:30", "17:00"],
    ["csc-answer-calls", "07:30", "17:00"],
    ["cau-restore-p3", "08:30", "16:30"],
    ["csc-restore-p5", "08:30", "16:30"],
  ])("%s counts inside %s–%s", (id, start, end) => {
    const target = levelById(id)?.level.target;
    expect(target).toMatchObject({ kind: "business-hours", window: { start, end } });
  });

  test("every business-hours level is one of the above windows", () => {
    const windows = allServiceLevels().flatMap((r) => (r.level.target.kind === "business-hours" ? [`${r.level.target.window.start}-${r.level.target.window.end}`] : []));
    expect(new Set(windows)).toEqual(new Set(["07:00-18:00", "08:00-17:00", "07:30-17:00", "08:30-16:30"]));
  });

  test("the help desks keep their own P2–P5 severity names (docs/interpretations.md §16)", () => {
    const names = (id: "cau" | "csc") => serviceById(id).priorityMatrix?.map((p) => p.severity.fr);
    expect(names("csc")).toEqual(["Critique", "Élevé", "Modérée", "Faible", "Planifié"]);
    expect(names("cau")).toEqual(["Critique", "Majeur", "Important", "Moyen", "Faible"]);
  });

  test("onRequest is true exactly for the services whose prices are in documents not provided", () => {
    expect(catalogue.services.filter((s) => s.pricing.onRequest).map((s) => s.id)).toEqual(["telephony", "mobility"]);
    expect(catalogue.services.filter((s) => s.pricing.priceList).map((s) => s.id)).toEqual(["videoconference"]);
  });

  test("the videoconference price list is dated by the page's last update", () => {
    expect(videoconferencePriceList.version).toBe(serviceById("videoconference").lastUpdated);
    expect(videoconferencePriceList.version).toBe("2017-08-24");
    expect(videoconferencePriceList.optional).toContainEqual(expect.objectContaining({ kind: "recording", firstHourCents: 8500, additionalBlockCents: 1500, blockMinutes: 30 }));
  });

  test("every copy of business development on a service page equals the organisation's", () => {
    const { id, name, phones, emails } = catalogue.organisation.businessDevelopment;
    const copies = catalogue.services.flatMap((s) => s.contacts.filter((c) => c.id === id).map((c) => ({ service: s.id, c })));
    expect(copies.map((x) => x.service)).toEqual(["telephony", "videoconference", "mobility"]);
    for (const { c } of copies) expect({ name: c.name, phones: c.phones, emails: c.emails }).toEqual({ name, phones, emails });
  });

  test("allContacts lists the organisation's lines, service contacts and support-matrix cells with their origin", () => {
    const contacts = allContacts();
    expect(new Set(contacts.map((c) => c.key)).size).toBe(contacts.length);
    expect(contacts[0]).toMatchObject({ key: "organisation/general-line", origin: { file: ORG, field: "generalLine" } });
    const other = contacts.find((c) => c.key === "mobility/support-matrix/other-questions/all");
    expect(other).toMatchObject({ emails: ["conseillers.dcsc@cspq.gouv.qc.ca"], origin: { service: "mobility", section: "support-matrix" } });
    expect(other?.carrier).toBeUndefined();
    expect(contacts.find((c) => c.key === "mobility/support-matrix/technical-support-24-7/rogers")).toMatchObject({
      carrier: { id: "rogers", rank: 2 },
      phones: [{ e164: "+18442882777", menuOption: 1 }],
      hours: { days: "always" },
    });
    expect(contacts.find((c) => c.key === "mobility/support-matrix/orders/telus")?.hours).toEqual({ days: "weekdays", window: { start: "08:00", end: "17:00" } });
  });
});

describe("formatPath", () => {
  test.each([
    [[], "(root)"],
    [["summary"], "summary"],
    [["serviceLevelTables", 0, "levels", 2, "target", "amount"], "serviceLevelTables[0].levels[2].target.amount"],
    [["supportMatrix", "rows", 1, "cells", "telus"], "supportMatrix.rows[1].cells.telus"],
  ] as const)("%j → %s", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

/** Each case breaks one thing and expects the exact `<file>: <field>: <problem>` message. */
const broken: Array<[string, (f: Record<string, any>) => void, string]> = [
  ["a missing required field", (f) => delete f[svc("csc")].summary, `${svc("csc")}: summary: Invalid input: expected object, received undefined`],
  ["a missing English translation", (f) => delete f[svc("cau")].offers[3].en, `${svc("cau")}: offers[3].en: Invalid input: expected string, received undefined`],
  [
    "a wrong type",
    (f) => (f[svc("videoconference")].serviceLevelTables[0].levels[1].target.amount = "4"),
    `${svc("videoconference")}: serviceLevelTables[0].levels[1].target.amount: Invalid input: expected number, received string`,
  ],
  [
    "a zero delay",
    (f) => (f[svc("videoconference")].serviceLevelTables[1].levels[1].target.amount = 0),
    `${svc("videoconference")}: serviceLevelTables[1].levels[1].target.amount: Too small: expected number to be >0`,
  ],
  [
    "a malformed phone",
    (f) => (f[ORG].generalLine.phones[0].e164 = "418 644-2777"),
    `${ORG}: generalLine.phones[0].e164: must be a North American number in E.164 form, e.g. +14186441500`,
  ],
  [
    "a malformed email",
    (f) => (f[svc("mobility")].supportMatrix.rows[4].cells.telus.email = "cspq.plaintes.telus.com"),
    `${svc("mobility")}: supportMatrix.rows[4].cells.telus.email: Invalid email address`,
  ],
  [
    "a window ending before it starts",
    (f) => (f[svc("mobility")].serviceLevelTables[0].levels[2].target.window = { start: "17:00", end: "08:00" }),
    `${svc("mobility")}: serviceLevelTables[0].levels[2].target.window.end: the window must end after it starts`,
  ],
  [
    "a time that is not HH:MM",
    (f) => (f[svc("telephony")].support.hours.window.start = "7:00"),
    `${svc("telephony")}: support.hours.window.start: must be a time HH:MM (00:00 to 23:59)`,
  ],
  [
    "an undefined footnote ref",
    (f) => (f[svc("csc")].serviceLevelTables[0].levels[1].footnotes = ["a", "f"]),
    `${svc("csc")}: serviceLevelTables[0].levels[1].footnotes[1]: condition "f" is not defined in this table's conditions`,
  ],
  [
    "a footnote on a table whose conditions are « S. O. »",
    (f) => (f[svc("telephony")].serviceLevelTables[0].levels[0].footnotes = ["a"]),
    `${svc("telephony")}: serviceLevelTables[0].levels[0].footnotes[0]: condition "a" is not defined in this table's conditions`,
  ],
  [
    "conditions on a table marked as printing none",
    (f) => (f[svc("telephony")].serviceLevelTables[3].conditions = []),
    `${svc("telephony")}: serviceLevelTables[3].conditions: must be null when conditionsOmitted is true`,
  ],
  [
    "a range whose min is not below its max",
    (f) => (f[svc("telephony")].serviceLevelTables[3].levels[1].target.min = 20),
    `${svc("telephony")}: serviceLevelTables[3].levels[1].target.max: min must be less than max`,
  ],
  [
    "an unknown target kind",
    (f) => (f[svc("telephony")].serviceLevelTables[0].levels[1].target.kind = "weeks"),
    `${svc("telephony")}: serviceLevelTables[0].levels[1].target.kind: Invalid discriminator value. Expected 'availability' | 'elapsed' | 'business-hours' | 'business-days' | 'business-days-range' | 'calendar-days' | 'by-agreement' | 'share'`,
  ],
  [
    "a misspelt field (strict objects)",
    (f) => (f[svc("cau")].sumary = f[svc("cau")].summary),
    `${svc("cau")}: (root): Unrecognized key: "sumary"`,
  ],
  [
    "money that is not whole cents",
    (f) => (f[svc("videoconference")].pricing.priceList.subscriptions[4].monthlyCents = 56.1),
    `${svc("videoconference")}: pricing.priceList.subscriptions[4].monthlyCents: Invalid input: expected int, received number`,
  ],
  [
    "a support-matrix cell for an unknown carrier",
    (f) => (f[svc("mobility")].supportMatrix.rows[0].cells.bell = { email: "x@example.com" }),
    `${svc("mobility")}: supportMatrix.rows[0].cells.bell: "bell" is neither a carrier id nor "all"`,
  ],
  [
    "priorities out of order",
    (f) => f[svc("cau")].priorityMatrix.reverse(),
    `${svc("cau")}: priorityMatrix[0].priority: expected priority 1: priorities are listed P1 to P5 in order`,
  ],
  [
    "a duplicate level id across files",
    (f) => (f[svc("csc")].serviceLevelTables[0].levels[1].id = "cau-answer-calls"),
    `${svc("csc")}: serviceLevelTables[0].levels[1].id: duplicate service-level id "cau-answer-calls" (already used in ${svc("cau")}: serviceLevelTables[0].levels[1].id)`,
  ],
  [
    "a duplicate level id in one file",
    (f) => (f[svc("mobility")].serviceLevelTables[0].levels[3].id = "mobility-reset-voicemail-password"),
    `${svc("mobility")}: serviceLevelTables[0].levels[3].id: duplicate service-level id "mobility-reset-voicemail-password" (already used in ${svc("mobility")}: serviceLevelTables[0].levels[2].id)`,
  ],
  [
    "a level id without its service prefix",
    (f) => (f[svc("csc")].serviceLevelTables[0].levels[2].id = "restore-p1"),
    `${svc("csc")}: serviceLevelTables[0].levels[2].id: must start with "csc-"`,
  ],
  ["a catalogue group pointing nowhere", (f) => (f[ORG].catalogue[2].group = "fax"), `${ORG}: catalogue[2].group: service "telephony" has no group "fax"`],
  ["a catalogue entry pointing to no service", (f) => (f[ORG].catalogue[5].service = "fax"), `${ORG}: catalogue[5].service: no service "fax" in content/catalogue/services/`],
  [
    "a service left out of the catalogue",
    (f) => (f[ORG].catalogue = f[ORG].catalogue.filter((e: { service: string }) => e.service !== "mobility")),
    `${ORG}: catalogue: no entry for service "mobility" (${svc("mobility")})`,
  ],
  ["a missing organisation file", (f) => delete f[ORG], `${ORG}: (root): file is missing`],
  [
    "a service in the wrong file",
    (f) => {
      f[svc("fax")] = f[svc("csc")];
      delete f[svc("csc")];
    },
    `${svc("fax")}: id: "csc" must live in ${svc("csc")}`,
  ],
  [
    "a service that is not a page",
    (f) => (f[svc("csc")].id = "fax"),
    `${svc("csc")}: id: Invalid option: expected one of "telephony"|"videoconference"|"mobility"|"cau"|"csc"`,
  ],
  ["a file outside the catalogue folders", (f) => (f["content/catalogue/extra.json"] = {}), `content/catalogue/extra.json: (root): not a catalogue file: expected ${ORG} or content/catalogue/services/<id>.json`],
];

describe("a broken catalogue fails with a message naming the file and the field", () => {
  test.each(broken)("%s", (_name, breakIt, message) => {
    const f = files();
    breakIt(f);
    let error: unknown;
    try {
      loadCatalogue(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as Error).message).toBe(message);
    expect((error as CatalogueError).file).toBe(message.slice(0, message.indexOf(": ")));
  });
});
