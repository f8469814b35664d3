/**
 * The reference number on the confirmation page. The static page gets the reference in its address (?ref=…),
 * which only a script can read: the server renders the block with a stand-in of the same size (hidden), so the
 * reference takes its place without moving the page. A form posted without JavaScript gets the same block from
 * its handler (`ConfirmationView`, reference filled, no print button since no script runs there).
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator } from "../../i18n/translator.ts";

// Same shape as src/lib/submissions/reference.ts (kept here so the island stays tiny).
const REFERENCE = /^(CON|INF)-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

// The block itself is plain `h()` (confirmation-view.ts): the Lambda handlers and `npm start` run under
// plain Node, which cannot load a .tsx file.
export { ConfirmationView, type ConfirmationKey, type ConfirmationStrings };
import type { ConfirmationKey } from "./confirmation-view.ts";
import { ConfirmationView, type ConfirmationStrings } from "./confirmation-view.ts";

export default function ConfirmationIsland(props: { lang: Lang; strings: ConfirmationStrings }) {
  const t = createTranslator(props.strings, props.lang);
  const [reference, setReference] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const ref = new URLSearchParams(window.location.search).get("ref")?.trim().toUpperCase() ?? "";
    setReference(REFERENCE.test(ref) ? ref : null);
  }, []);
  if (reference === null) return <p class="sf-confirmation-missing">{t("forms.confirmation.missing")}</p>;
  return <ConfirmationView t={t} reference={reference} print />;
}
