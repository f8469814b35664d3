import type { UiStrings } from "./schema.ts";

export default {
  // --- site ---
  "site.name": "IT Service Offer – Centre de services partagés du Québec",
  "site.skipLink": "Skip to main content",
  "site.languageToggle": "Français",
  "site.languageToggleLabel": "Français – French version of this page",
  "site.breadcrumbs": "Breadcrumb",
  "site.home": "Home",
  "site.dateModified": "Date modified:",
  "site.footerContact": "General information",
  "site.footerNav": "Footer links",
  "site.mainNav": "Main navigation",
  "site.search": "Search",
  "site.copyright": "© Gouvernement du Québec",
  "site.requiresJavaScript": "This tool needs JavaScript. The information below remains available without it.",
  "site.notFoundTitle": "Page not found",
  "site.notFoundBody": "The page you asked for does not exist or has moved.",
  "site.documentOnRequest": "The document “{document}” is available from business development.",
  "site.pageCount": { one: "{count} page", other: "{count} pages" },
  // --- catalogue ---
  // --- sla ---
  // --- estimate ---
  // --- forms ---
  // --- inbox ---
} satisfies UiStrings;
