/**
 * Validation of the catalogue files: each file against its schema, then the checks that span files.
 * Every failure is a `CatalogueError` whose message names the file and the field, so that a typo in
 * content/catalogue/ is found from the build log alone.
 */
import type { z } from "zod";
import { routes } from "../i18n/routes.ts";
import { organisation as organisationSchema, service as serviceSchema, type Organisation, type Service, type ServiceId } from "./schema.ts";

export const ORGANISATION_FILE = "content/catalogue/organisation.json";
export const SERVICES_DIR = "content/catalogue/services/";

/** The order of the source pages (000 to 004): the order services are listed in. */
const SERVICE_ORDER: readonly ServiceId[] = ["telephony", "videoconference", "mobility", "cau", "csc"];

export interface Catalogue {
  organisation: Organisation;
  services: Service[];
}

/** A catalogue file is malformed; `message` reads `<file>: <field path>: <problem>`. */
export class CatalogueError extends Error {
  readonly file: string;
  readonly field: string;
  readonly problem: string;
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = "CatalogueError";
    this.file = file;
    this.field = field;
    this.problem = problem;
  }
}

/**
 * Writes a zod issue path the way one would reach the field in code.
 * @example formatPath(["serviceLevelTables", 0, "levels", 2, "target", "amount"]) // "serviceLevelTables[0].levels[2].target.amount"
 * @example formatPath([]) // "(root)"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

function parse<S extends z.ZodType>(schema: S, file: string, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CatalogueError(file, formatPath(issue.path), issue.message);
  }
  return result.data;
}

/**
 * Validates the catalogue files and the links between them.
 * `files` maps repo-relative paths to parsed JSON: `content/catalogue/organisation.json` and one
 * `content/catalogue/services/<id>.json` per service; other paths are an error (a misplaced file is a mistake).
 * @example loadCatalogue({ "content/catalogue/organisation.json": org, "content/catalogue/services/csc.json": csc }).services[0].id // "csc"
 * @throws {CatalogueError} naming the file and field of the first problem
 */
export function loadCatalogue(files: Record<string, unknown>): Catalogue {
  if (!(ORGANISATION_FILE in files)) throw new CatalogueError(ORGANISATION_FILE, "(root)", "file is missing");

  const services: Array<{ file: string; service: Service }> = [];
  for (const [file, data] of Object.entries(files)) {
    if (file === ORGANISATION_FILE) continue;
    if (!file.startsWith(SERVICES_DIR) || !file.endsWith(".json")) {
      throw new CatalogueError(file, "(root)", `not a catalogue file: expected ${ORGANISATION_FILE} or ${SERVICES_DIR}<id>.json`);
    }
    const service = parse(serviceSchema, file, data);
    const expected = `${SERVICES_DIR}${service.id}.json`;
    if (file !== expected) throw new CatalogueError(file, "id", `"${service.id}" must live in ${expected}`);
    services.push({ file, service });
  }
  const organisation = parse(organisationSchema, ORGANISATION_FILE, files[ORGANISATION_FILE]);

  checkPageIds(services);
  checkUniqueIds(services);
  checkIdPrefixes(services);
  checkCatalogueEntries(organisation, services);

  services.sort((a, b) => SERVICE_ORDER.indexOf(a.service.id) - SERVICE_ORDER.indexOf(b.service.id));
  return { organisation, services: services.map((s) => s.service) };
}

function checkPageIds(services: Array<{ file: string; service: Service }>): void {
  for (const { file, service } of services) {
    if (!Object.hasOwn(routes, service.id)) {
      throw new CatalogueError(file, "id", `"${service.id}" is not a page id of src/i18n/routes.ts`);
    }
  }
}

/** Table and level ids name anchors and calculator links (`?level=…`): one id, one thing, in the whole catalogue. */
function checkUniqueIds(services: Array<{ file: string; service: Service }>): void {
  const seen = new Map<string, string>();
  const claim = (id: string, where: string, file: string, field: string): void => {
    const previous = seen.get(id);
    if (previous !== undefined) throw new CatalogueError(file, field, `duplicate ${where} id "${id}" (already used in ${previous})`);
    seen.set(id, `${file}: ${field}`);
  };
  for (const { file, service } of services) {
    service.serviceLevelTables.forEach((table, t) => {
      claim(table.id, "service-level table", file, `serviceLevelTables[${t}].id`);
      table.levels.forEach((level, l) => claim(level.id, "service-level", file, `serviceLevelTables[${t}].levels[${l}].id`));
    });
  }
  const serviceFiles = new Map<string, string>();
  for (const { file, service } of services) {
    const previous = serviceFiles.get(service.id);
    if (previous !== undefined) throw new CatalogueError(file, "id", `duplicate service id "${service.id}" (already used in ${previous})`);
    serviceFiles.set(service.id, file);
  }
}

/** Table and level ids carry their service's prefix (e.g. csc-restore-p1), so an id alone says which page it belongs to. */
function checkIdPrefixes(services: Array<{ file: string; service: Service }>): void {
  for (const { file, service } of services) {
    const prefix = `${service.id}-`;
    service.serviceLevelTables.forEach((table, t) => {
      if (!table.id.startsWith(prefix)) throw new CatalogueError(file, `serviceLevelTables[${t}].id`, `must start with "${prefix}"`);
      table.levels.forEach((level, l) => {
        if (!level.id.startsWith(prefix)) throw new CatalogueError(file, `serviceLevelTables[${t}].levels[${l}].id`, `must start with "${prefix}"`);
      });
    });
  }
}

function checkCatalogueEntries(organisation: Organisation, services: Array<{ file: string; service: Service }>): void {
  const entryIds = new Set<string>();
  organisation.catalogue.forEach((entry, i) => {
    if (entryIds.has(entry.id)) throw new CatalogueError(ORGANISATION_FILE, `catalogue[${i}].id`, `duplicate catalogue entry id "${entry.id}"`);
    entryIds.add(entry.id);
    const target = services.find((s) => s.service.id === entry.service)?.service;
    if (!target) throw new CatalogueError(ORGANISATION_FILE, `catalogue[${i}].service`, `no service "${entry.service}" in ${SERVICES_DIR}`);
    if (entry.group !== undefined && !target.groups.some((g) => g.id === entry.group)) {
      throw new CatalogueError(ORGANISATION_FILE, `catalogue[${i}].group`, `service "${entry.service}" has no group "${entry.group}"`);
    }
  });
  // A service missing from the home page's catalogue would have a page nobody is led to.
  for (const { file, service } of services) {
    if (!organisation.catalogue.some((entry) => entry.service === service.id)) {
      throw new CatalogueError(ORGANISATION_FILE, "catalogue", `no entry for service "${service.id}" (${file})`);
    }
  }
}
