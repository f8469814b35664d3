/**
 * For islands whose state lives in the address (calculator, estimator, inquiry form with an estimate): the link
 * to the same page in the other language carries the same query, so the same calculation or estimate opens
 * there. The query holds no words of either language (level ids, dates, the estimate's code), so it is valid
 * on both sides. Without JavaScript there is no such state, and the link stays the page's plain address.
 */
export function keepQueryInLanguageLink(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[hreflang]")) {
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) continue;
    url.search = window.location.search;
    link.href = `${url.pathname}${url.search}${url.hash}`;
  }
}
