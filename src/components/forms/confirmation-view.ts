/**
 * The reference block of the confirmation page, shared by the island (ConfirmationIsland.tsx) and the
 * handler's no-JavaScript page (functions/core/page.ts). Written with `h()` rather than JSX: the handlers
 * and `npm start` run under plain Node, which loads .ts files but not .tsx.
 */
import { h } from "preact";
import type { KeysOf, Slice, Translator } from "../../i18n/translator.ts";

export type ConfirmationKey = KeysOf<"forms.confirmation.">;
export type ConfirmationStrings = Slice<ConfirmationKey>;

/** The reference block; `reference` undefined renders the hidden stand-in of the same size. */
export function ConfirmationView(props: { t: Translator<ConfirmationKey>; reference: string | undefined; print: boolean }) {
  const { t, reference, print } = props;
  const type = reference?.startsWith("CON-") ? "adviser-request" : "inquiry";
  return h(
    "div",
    { class: "sf-confirmation", ...(reference === undefined ? { "aria-hidden": "true", style: "visibility:hidden" } : {}) },
    h("p", null, t(`forms.confirmation.type.${type}`)),
    h("p", { class: "sf-reference" }, t("forms.confirmation.reference"), " ", h("strong", { "data-reference": true }, reference ?? "INF-XXXX-XXXX")),
    print
      ? h("p", { class: "sf-no-print" }, h("button", { type: "button", class: "sf-button sf-button--secondary", onClick: () => window.print() }, t("forms.confirmation.print")))
      : null,
  );
}
