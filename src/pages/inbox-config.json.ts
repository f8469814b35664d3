/**
 * /inbox-config.json: where the inbox page signs in on AWS (the local server answers this path itself
 * with its development sign-in). The values are Cognito's, known only once the stack is deployed, so the
 * build writes SST placeholders that StaticSite replaces at deploy time (src/infra/Site.ts). Without the
 * inbox (ADMIN off) the file says so, and the page explains that sign-in is not configured.
 */
import type { APIRoute } from "astro";

export const INBOX_PLACEHOLDERS = { authority: "{{ INBOX_AUTHORITY }}", clientId: "{{ INBOX_CLIENT_ID }}" } as const;

export const GET: APIRoute = () => {
  const body =
    process.env.INBOX_SIGN_IN === "cognito"
      ? { ...INBOX_PLACEHOLDERS, scope: "openid email profile" }
      : { configured: false };
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
};
