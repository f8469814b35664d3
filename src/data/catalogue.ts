/**
 * The validated catalogue, loaded once. The JSON files are imported statically (import attributes),
 * so the same module works in Astro/Vite, vitest, plain Node 24 and esbuild bundles, with no file-system access.
 * A malformed file fails at module load with a `CatalogueError` naming the file and the field.
 */
import organisationJson from "../../content/catalogue/organisation.json" with { type: "json" };
import telephonyJson from "../../content/catalogue/services/telephony.json" with { type: "json" };
import videoconferenceJson from "../../content/catalogue/services/videoconference.json" with { type: "json" };
import mobilityJson from "../../content/catalogue/services/mobility.json" with { type: "json" };
import cauJson from "../../content/catalogue/services/cau.json" with { type: "json" };
import cscJson from "../../content/catalogue/services/csc.json" with { type: "json" };
import { loadCatalogue, type Catalogue } from "./load.ts";
import type { Hours, LocalizedText, Phone, PriceList, Service, ServiceId, ServiceLevel, ServiceLevelTable } from "./schema.ts";

/** The raw files by repo-relative path, as `loadCatalogue` takes them (also used by the tests to break one on purpose). */
export const catalogueFiles: Readonly<Record<string, unknown>> = {
  "content/catalogue/organisation.json": organisationJson,
  "content/catalogue/services/telephony.json": telephonyJson,
  "content/catalogue/services/videoconference.json": videoconferenceJson,
  "content/catalogue/services/mobility.json": mobilityJson,
  "content/catalogue/services/cau.json": cauJson,
  "content/catalogue/services/csc.json": cscJson,
};

export const catalogue: Catalogue = loadCatalogue({ ...catalogueFiles });

/**
 * A service by id.
 * @example serviceById("csc").provider // "ITQ"
 * @throws {Error} for an id that is not a service (a programming error, not a reader's)
 */
export function serviceById(id: ServiceId): Service {
  const found = catalogue.services.find((s) => s.id === id);
  if (!found) throw new Error(`No service "${id}" in the catalogue`);
  return found;
}

/** A service level with the table and service it belongs to. */
export interface LevelRef {
  service: Service;
  table: ServiceLevelTable;
  level: ServiceLevel;
}

const levels: readonly LevelRef[] = catalogue.services.flatMap((service) =>
  service.serviceLevelTables.flatMap((table) => table.levels.map((level) => ({ service, table, level }))),
);

/**
 * Every service level of the catalogue, in page order (services 000 to 004, tables and rows as printed).
 * @example allServiceLevels().length // 47
 */
export function allServiceLevels(): LevelRef[] {
  return [...levels];
}

/**
 * One service level by its id, or undefined (e.g. a stale `?level=` in a URL).
 * @example levelById("csc-restore-p1")?.level.target // { kind: "elapsed", amount: 3, unit: "hours" }
 */
export function levelById(id: string): LevelRef | undefined {
  return levels.find((ref) => ref.level.id === id);
}

/** Where a contact is printed: the file and field, and the page section it belongs to. */
export interface ContactOrigin {
  file: string;
  field: string;
  /** The service page; absent for the organisation's own lines (footer, business development). */
  service?: ServiceId;
  section: "general-line" | "business-development" | "contacts" | "support-matrix";
}

/** A contact as the directory lists it, whatever structure it came from. */
export interface ContactEntry {
  /** Unique across the catalogue, e.g. "mobility/support-matrix/orders/telus". */
  key: string;
  origin: ContactOrigin;
  /** Who answers: the contact's name, the carrier's team, or (with no team) the carrier or the question. */
  name: LocalizedText;
  audience?: LocalizedText;
  /** For support-matrix cells: the carrier ("all" cells have none) and the kind of question. */
  carrier?: { id: string; name: string; rank: number };
  topic?: LocalizedText;
  phones: Phone[];
  emails: string[];
  hours?: Hours;
  note?: LocalizedText;
}

const contacts: readonly ContactEntry[] = collectContacts(catalogue);

function collectContacts({ organisation, services }: Catalogue): ContactEntry[] {
  const orgFile = "content/catalogue/organisation.json";
  const out: ContactEntry[] = [
    { key: "organisation/general-line", origin: { file: orgFile, field: "generalLine", section: "general-line" }, ...contactFields(organisation.generalLine) },
    {
      key: "organisation/business-development",
      origin: { file: orgFile, field: "businessDevelopment", section: "business-development" },
      ...contactFields(organisation.businessDevelopment),
    },
  ];
  for (const service of services) {
    const file = `content/catalogue/services/${service.id}.json`;
    service.contacts.forEach((contact, i) =>
      out.push({ key: `${service.id}/contacts/${contact.id}`, origin: { file, field: `contacts[${i}]`, service: service.id, section: "contacts" }, ...contactFields(contact) }),
    );
    const matrix = service.supportMatrix;
    matrix?.rows.forEach((row, r) => {
      for (const [carrierId, cell] of Object.entries(row.cells)) {
        const carrier = matrix.carriers.find((c) => c.id === carrierId);
        const hours = row.hours ?? service.support?.hours;
        out.push({
          key: `${service.id}/support-matrix/${row.id}/${carrierId}`,
          origin: { file, field: `supportMatrix.rows[${r}].cells.${carrierId}`, service: service.id, section: "support-matrix" },
          name: cell.team ?? (carrier ? { fr: carrier.name, en: carrier.name } : row.topic),
          ...(carrier ? { carrier } : {}),
          topic: row.topic,
          phones: cell.phone ? [cell.phone] : [],
          emails: cell.email ? [cell.email] : [],
          ...(hours ? { hours } : {}),
        });
      }
    });
  }
  return out;
}

function contactFields(c: Service["contacts"][number]): Omit<ContactEntry, "key" | "origin"> {
  return {
    name: c.name,
    phones: c.phones,
    emails: c.emails,
    ...(c.audience ? { audience: c.audience } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}

/**
 * Every contact, phone and email the catalogue prints, with where it comes from: the organisation's lines,
 * each service's contacts and each cell of the mobility support matrix. The same number may appear under
 * several origins (business development is printed on three pages).
 * @example allContacts()[0].key // "organisation/general-line"
 */
export function allContacts(): ContactEntry[] {
  return [...contacts];
}

/** The videoconference price list (the only prices the sources publish), version 2017-08-24. */
export const videoconferencePriceList: PriceList = (() => {
  const list = serviceById("videoconference").pricing.priceList;
  if (!list) throw new Error("content/catalogue/services/videoconference.json: pricing.priceList: missing (the estimator needs it)");
  return list;
})();
