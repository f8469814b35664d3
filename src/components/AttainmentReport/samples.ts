/** Where the example files are published (src/pages/{fr,en}/…-[centre].csv.ts build them). */
import type { Lang } from "../../i18n/locales.ts";
import type { Centre } from "../../lib/attainment/core.ts";

export const sampleHref = (lang: Lang, centre: Centre): string =>
  lang === "fr" ? `/fr/rapport-atteinte-exemple-${centre}.csv` : `/en/attainment-report-sample-${centre}.csv`;
