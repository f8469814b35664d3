/**
 * The components' access to the catalogue: by service id, so that an MDX page names the
 * service it presents and never retypes a fact.
 */
import { catalogue } from "../data/catalogue.ts";
import type { Service } from "../data/schema.ts";
import type { Lang } from "../i18n/locales.ts";
import { useTranslations } from "../i18n/index.ts";

export type ServiceId = Service["id"];

/** The props every catalogue component takes: the page's language and the service it presents. */
export interface ServiceProps {
  lang: Lang;
  service: ServiceId;
}

/**
 * What a catalogue component works with: its language, that language's strings and the service's data.
 * @example const { lang, t, service } = serviceContext({ lang: "fr", service: "videoconference" }); service.id // "videoconference"
 */
export function serviceContext({ lang, service }: ServiceProps) {
  return { lang, t: useTranslations(lang), service: getService(service) };
}

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
