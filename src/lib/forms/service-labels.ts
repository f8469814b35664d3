/**
 * The names of the catalogue's services, for the « services of interest » choices of the
 * handlers' no-JavaScript page. Read from the catalogue files themselves (never retyped); the
 * Astro pages pass the same names from src/data/catalogue.ts.
 */
import telephony from "../../../content/catalogue/services/telephony.json" with { type: "json" };
import videoconference from "../../../content/catalogue/services/videoconference.json" with { type: "json" };
import mobility from "../../../content/catalogue/services/mobility.json" with { type: "json" };
import cau from "../../../content/catalogue/services/cau.json" with { type: "json" };
import csc from "../../../content/catalogue/services/csc.json" with { type: "json" };
import type { FormLang } from "./messages.ts";

const services = { telephony, videoconference, mobility, cau, csc } as Record<string, { name: Record<FormLang, string> }>;

export function serviceLabels(lang: FormLang): Record<string, string> {
  return Object.fromEntries(Object.entries(services).map(([id, service]) => [id, service.name[lang]]));
}
