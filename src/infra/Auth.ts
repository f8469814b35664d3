/**
 * Cognito user pool for the admin pages (the later admin issue), built only when ADMIN=on.
 *
 * Accounts are created by an administrator (no self sign-up); people sign in through the hosted UI with
 * the authorization-code flow (the public client uses PKCE: no client secret lives in the browser).
 * The API's JWT authorizer (Api.ts) trusts tokens issued to this client only.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type { StackContext } from "sst/constructs";
import { useInfraConfig } from "./config.ts";
import { routes } from "../i18n/routes.ts";

/** Where the hosted UI sends people back: the inbox page in each language, from the route table. */
export const ADMIN_CALLBACK_PATHS = [routes.inbox.fr, routes.inbox.en] as const;

export function Auth({ app, stack }: StackContext) {
  const config = useInfraConfig(app);
  if (!config.admin.enabled) return { admin: undefined };
  const origin = config.siteOrigin;
  if (!origin) {
    throw new Error("ADMIN=on needs the site's origin for the sign-in callbacks: set SITE_DOMAIN (+ certificate) or SITE_ORIGIN.");
  }
  const userPool = new cognito.UserPool(stack, "AdminUserPool", {
    userPoolName: app.logicalPrefixedName("admins"),
    // No self sign-up: CDK then sets AdminCreateUserConfig.AllowAdminCreateUserOnly.
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    autoVerify: { email: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: { minLength: 14, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    // Threat protection (ADMIN_THREAT_PROTECTION=on): blocks sign-ins with leaked passwords or high risk.
    ...(config.admin.threatProtection
      ? { featurePlan: cognito.FeaturePlan.PLUS, standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
      : {}),
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    deletionProtection: config.retainData,
    removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const client = userPool.addClient("AdminWebClient", {
    generateSecret: false,
    preventUserExistenceErrors: true,
    authFlows: {},
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      callbackUrls: ADMIN_CALLBACK_PATHS.map((p) => `${origin}${p}`),
      logoutUrls: ADMIN_CALLBACK_PATHS.map((p) => `${origin}${p}`),
    },
    supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.hours(8),
    enableTokenRevocation: true,
  });
  const domain = userPool.addDomain("AdminHostedUi", {
    cognitoDomain: { domainPrefix: config.admin.authDomainPrefix ?? `${app.name}-${app.stage}` },
  });
  stack.addOutputs({
    AdminUserPoolId: userPool.userPoolId,
    AdminClientId: client.userPoolClientId,
    AdminSignInDomain: domain.baseUrl(),
  });
  return { admin: { userPool, client, domain } };
}
