import type { APIRoute } from "astro";

/**
 * robots.txt, generated rather than kept in public/: the Sitemap line must be an absolute URL and
 * the origin changes per stage (SITE_URL in astro.config.mjs).
 */
export const GET: APIRoute = ({ site }) => {
  const origin = site ?? new URL("https://localhost/");
  return new Response(
    ["User-agent: *", "Disallow: /fr/boite-de-reception/", "Disallow: /en/inbox/", "", `Sitemap: ${new URL("/sitemap-index.xml", origin).href}`, ""].join("\n"),
    { headers: { "content-type": "text/plain; charset=utf-8" } },
  );
};
