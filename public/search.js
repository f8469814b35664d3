// The search page's own island (no framework): shows the form, loads Pagefind's JavaScript API at the
// first query (not before), and renders the results in the site's markup. Words come from the page
// (data-* attributes of #search, from the UI strings). An external module, so that the site's
// Content-Security-Policy can forbid inline scripts; content pages never load this file.
const form = document.getElementById("search");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
if (form && status && list) {
  const input = form.elements.namedItem("q");
  const words = form.dataset;
  const plural = new Intl.PluralRules(words.lang === "fr" ? "fr-CA" : "en-CA");
  const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
  let pagefind;
  let latest = 0;

  // Keeps the text of an excerpt and its <mark> highlights only (the build puts white space between
  // table cells and list items, so words of two cells stay apart: src/styles/sdg-kit.mjs).
  const excerpt = (html) => {
    const out = document.createElement("p");
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    for (const node of tpl.content.childNodes) {
      const text = node.textContent;
      if (node.nodeName === "MARK") out.append(Object.assign(document.createElement("mark"), { textContent: text }));
      else out.append(text);
    }
    out.className = "search-excerpt";
    return out;
  };

  const run = async (query) => {
    const id = ++latest;
    list.replaceChildren();
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = words.searching;
    try {
      pagefind ??= await import("/pagefind/pagefind.js");
      const search = await pagefind.search(query);
      const found = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
      if (id !== latest) return;
      const count = search.results.length;
      status.textContent = count === 0 ? fill(words.none, { query }) : fill(words[plural.select(count) === "one" ? "one" : "other"], { count, query });
      for (const page of found) {
        const item = document.createElement("li");
        const title = document.createElement("h2");
        title.append(Object.assign(document.createElement("a"), { href: page.url, textContent: page.meta?.title ?? page.url }));
        item.append(title, excerpt(page.excerpt));
        list.append(item);
      }
    } catch {
      if (id === latest) status.textContent = words.failed;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    run(query);
  });
  form.addEventListener("reset", () => {
    history.replaceState(null, "", location.pathname);
    run("");
    input.focus();
  });
  form.hidden = false;
  document.querySelector("[data-search-fallback]")?.remove();
  const query = new URLSearchParams(location.search).get("q")?.trim();
  if (query) {
    input.value = query;
    run(query);
  } else {
    input.focus();
  }
}
