/**
 * The components' access to the catalogue: by service id, so that an MDX page names the
 * service it presents and never retypes a fact.
 */
import { catalogue } from "../data/catalogue.ts";
import type { Service } from "../data/schema.ts";

export type ServiceId = Service["id"];

export function getService(id: ServiceId | string): Service {
  const service = catalogue.services.find((s) => s.id === id);
  if (!service) throw new Error(`No service "${id}" in the catalogue (content/catalogue/).`);
  return service;
}

export function findService(id: string): Service | undefined {
  return catalogue.services.find((s) => s.id === id);
}

export function getOrganisation() {
  return catalogue.organisation;
}

export function allServices(): readonly Service[] {
  return catalogue.services;
}
