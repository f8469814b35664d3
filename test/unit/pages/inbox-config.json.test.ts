import { afterEach, expect, test } from "vitest";
import { GET, INBOX_PLACEHOLDERS } from "../../../src/pages/inbox-config.json.ts";
import { parseConfig } from "../../../src/components/Inbox/auth.ts";

const body = async () => JSON.parse(await (await (GET as () => Response | Promise<Response>)()).text());

afterEach(() => {
  delete process.env.INBOX_SIGN_IN;
});

test("without the inbox on AWS, the file says sign-in is not configured, and the page reads it so", async () => {
  const config = await body();
  expect(config).toEqual({ configured: false });
  expect(parseConfig(config)).toBeUndefined();
});

test("with the inbox, the build writes the placeholders the deploy replaces (src/infra/Site.ts)", async () => {
  process.env.INBOX_SIGN_IN = "cognito";
  const config = await body();
  expect(config).toEqual({ ...INBOX_PLACEHOLDERS, scope: "openid email profile" });
  // Unreplaced placeholders are never mistaken for a sign-in authority.
  expect(parseConfig(config)).toBeUndefined();
  const deployed = { ...config, authority: "https://offre-prod.auth.ca-central-1.amazoncognito.com", clientId: "abc123" };
  expect(parseConfig(deployed)).toMatchObject({ authority: deployed.authority, clientId: "abc123" });
});
