/**
 * A tool opened from a shared link (a calculation or an estimate in its address) is filled in by its island
 * after hydration: a static page cannot read its address on the server. So that nothing painted moves when it
 * is (CLS 0, issue 11), the tool's part of the page stays invisible — its space laid out, nothing painted —
 * from the first paint until the island has filled it in:
 * - FILLING_SCRIPT, inline as the first child of the tool's wrapper, marks the wrapper `data-filling` when the
 *   address carries a query (it runs before anything after it is parsed or painted). It is the same text on both
 *   tools' pages, so one sha256 in the Content-Security-Policy (src/infra/csp.ts hashes the built pages' inline
 *   scripts);
 * - the island calls `filled` once its first render from the address is in the page;
 * - each tool's CSS hides the wrapper's children while marked, and shows them after 4 s whatever happens
 *   (a module that never loads must not hide the tables the page prints).
 * Without JavaScript nothing is marked. An address without a query paints at once, as always.
 */
export const FILLING_SCRIPT = `if(location.search.length>1)document.currentScript.parentElement.setAttribute("data-filling","")`;

/** Removes the mark from the tool's wrapper around `inside` (an element of the island). */
export function filled(inside: Element | null | undefined): void {
  inside?.closest("[data-filling]")?.removeAttribute("data-filling");
}
