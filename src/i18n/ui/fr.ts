import type { UiStrings } from "./schema.ts";

export default {
  // --- site ---
  "site.name": "Offre de services en TI – Centre de services partagés du Québec",
  "site.skipLink": "Passer au contenu principal",
  "site.languageToggle": "English",
  "site.languageToggleLabel": "English – version anglaise de cette page",
  "site.breadcrumbs": "Fil d'Ariane",
  "site.home": "Accueil",
  "site.dateModified": "Date de modification :",
  "site.footerContact": "Information générale",
  "site.footerNav": "Liens de pied de page",
  "site.mainNav": "Navigation principale",
  "site.search": "Rechercher",
  "site.copyright": "© Gouvernement du Québec",
  "site.requiresJavaScript": "Cet outil nécessite JavaScript. Les renseignements ci-dessous restent accessibles sans lui.",
  "site.notFoundTitle": "Page introuvable",
  "site.notFoundBody": "La page demandée n'existe pas ou a été déplacée.",
  "site.documentOnRequest": "Le document « {document} » est disponible auprès du développement des affaires.",
  "site.pageCount": { one: "{count} page", other: "{count} pages" },
  // --- catalogue ---
  // --- sla ---
  // --- estimate ---
  // --- forms ---
  // --- inbox ---
} satisfies UiStrings;
