/** The catalogue as data: schema types, the loader and the validated catalogue with its look-ups. */
export type * from "./schema.ts";
export { CatalogueError, formatPath, loadCatalogue, type Catalogue } from "./load.ts";
export {
  allContacts,
  allServiceLevels,
  catalogue,
  catalogueFiles,
  levelById,
  serviceById,
  videoconferencePriceList,
  type ContactEntry,
  type ContactOrigin,
  type LevelRef,
} from "./catalogue.ts";
