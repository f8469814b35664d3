/**
 * The reference number on the confirmation page. The page is static: the reference arrives in
 * the address (?ref=…), which only a script can read; without JavaScript the page says where it is.
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice } from "../../i18n/translator.ts";

// Same shape as src/lib/submissions/reference.ts (kept here so the island stays tiny).
const REFERENCE = /^(CON|INF)-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

export default function ConfirmationIsland(props: { lang: Lang; strings: Slice<KeysOf<"forms.confirmation.">> }) {
  const t = createTranslator(props.strings, props.lang);
  const [reference, setReference] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const ref = new URLSearchParams(window.location.search).get("ref")?.trim().toUpperCase() ?? "";
    setReference(REFERENCE.test(ref) ? ref : null);
  }, []);
  if (reference === undefined) return null;
  if (reference === null) return <p class="sf-confirmation-missing">{t("forms.confirmation.missing")}</p>;
  const type = reference.startsWith("CON-") ? "adviser-request" : "inquiry";
  return (
    <div class="sf-confirmation">
      <p>{t(`forms.confirmation.type.${type}`)}</p>
      <p class="sf-reference">
        {t("forms.confirmation.reference")} <strong data-reference>{reference}</strong>
      </p>
      <p class="sf-no-print">
        <button type="button" class="sf-button sf-button--secondary" onClick={() => window.print()}>
          {t("forms.confirmation.print")}
        </button>
      </p>
    </div>
  );
}
