/**
 * The fields of an incident file and the report's limits: plain constants with no dependency, so the page's
 * island can use them without loading the engine (which runs in a worker).
 */

/** The fields a column can be mapped to; ref, priority and received are required. */
export const FIELDS = ["ref", "priority", "received", "restored", "pauses"] as const;
export type Field = (typeof FIELDS)[number];
export const REQUIRED_FIELDS: readonly Field[] = ["ref", "priority", "received"];

/** Column index per field (-1: not mapped). */
export type Mapping = Record<Field, number>;

/** The required fields a mapping leaves out. */
export const missingFields = (mapping: Mapping): Field[] => REQUIRED_FIELDS.filter((field) => mapping[field] < 0);

/** The largest file the report reads (bytes) and the most incident rows. */
export const MAX_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
