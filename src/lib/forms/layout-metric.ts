/**
 * The CloudWatch metric a form handler emits (embedded metric format, functions/core/page.ts) when its bundle has
 * no copy of the site's layout; src/infra/Monitoring.ts alarms on it. Dependency-free: the stacks import it.
 */
export const LAYOUT_METRIC = { namespace: "OffreDeServices/Handlers", name: "LayoutTemplateMissing" } as const;
