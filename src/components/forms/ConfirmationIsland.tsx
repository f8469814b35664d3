/**
 * The reference number on the confirmation page. The static page gets the reference in its address (?ref=…),
 * which only a script can read: the server renders the block with a stand-in of the same size (hidden), so the
 * reference takes its place without moving the page. A form posted without JavaScript gets the same block from
 * its handler (`ConfirmationView`, reference filled, no print button since no script runs there).
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../i18n/locales.ts";
import { createTranslator, type KeysOf, type Slice, type Translator } from "../../i18n/translator.ts";

// Same shape as src/lib/submissions/reference.ts (kept here so the island stays tiny).
const REFERENCE = /^(CON|INF)-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

export type ConfirmationKey = KeysOf<"forms.confirmation.">;
export type ConfirmationStrings = Slice<ConfirmationKey>;

/** The reference block; `reference` undefined renders the hidden stand-in of the same size. */
export function ConfirmationView(props: { t: Translator<ConfirmationKey>; reference: string | undefined; print: boolean }) {
  const { t, reference, print } = props;
  const type = reference?.startsWith("CON-") ? "adviser-request" : "inquiry";
  return (
    <div class="sf-confirmation" {...(reference === undefined ? { "aria-hidden": "true", style: "visibility:hidden" } : {})}>
      <p>{t(`forms.confirmation.type.${type}`)}</p>
      <p class="sf-reference">
        {t("forms.confirmation.reference")} <strong data-reference>{reference ?? "INF-XXXX-XXXX"}</strong>
      </p>
      {print && (
        <p class="sf-no-print">
          <button type="button" class="sf-button sf-button--secondary" onClick={() => window.print()}>
            {t("forms.confirmation.print")}
          </button>
        </p>
      )}
    </div>
  );
}

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
