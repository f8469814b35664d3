// Loads Pagefind's UI on the search page only. An external module (no inline script) so that the
// site's Content-Security-Policy can forbid inline scripts; content pages never load this file.
const container = document.getElementById("search");
const fallback = document.querySelector("[data-search-fallback]");

function load(tag, attributes) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement(tag), attributes);
    element.addEventListener("load", resolve, { once: true });
    element.addEventListener("error", () => reject(new Error(`Could not load ${attributes.src ?? attributes.href}`)), { once: true });
    document.head.append(element);
  });
}

if (container) {
  try {
    await Promise.all([
      load("link", { rel: "stylesheet", href: "/pagefind/pagefind-ui.css" }),
      load("script", { src: "/pagefind/pagefind-ui.js" }),
    ]);
    // PagefindUI reads <html lang> to choose the index (fr-CA or en-CA) and its own interface language.
    const ui = new window.PagefindUI({
      element: "#search",
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: false,
    });
    const input = container.querySelector("input");
    if (input && container.dataset.searchLabel) input.setAttribute("aria-label", container.dataset.searchLabel);
    const query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
    fallback?.remove();
  } catch {
    // The fallback paragraph stays: it already says what to do without search.
  }
}
