/**
 * The inbox's session: reads /inbox-config.json, completes a return from the sign-in page (authorization
 * code + PKCE, auth.ts) or restores the stored session, and signs in and out. `ready` is called once with
 * the session and the submission a notification link asked for (`?ref=`).
 */
import { useEffect, useState } from "preact/hooks";
import { beginSignIn, clearSession, completeSignIn, loadSession, logoutUrl, parseConfig, type InboxConfig, type Session } from "./auth.ts";
import type { Translate } from "./strings.ts";

export type Phase = "starting" | "no-config" | "signed-out" | "ready";

export interface InboxSession {
  phase: Phase;
  config: InboxConfig | undefined;
  session: Session | undefined;
  /** A message shown above the sign-in button (sign-in failed, session expired). */
  notice: string;
  signIn: () => Promise<void>;
  signOut: () => void;
  /** Forgets the session and shows the sign-in with a message. */
  signedOut: (message: string) => void;
}

export function useSession(pagePath: string, t: Translate, ready: (session: Session, ref: string | undefined) => void): InboxSession {
  const [phase, setPhase] = useState<Phase>("starting");
  const [config, setConfig] = useState<InboxConfig | undefined>();
  const [session, setSession] = useState<Session | undefined>();
  const [notice, setNotice] = useState("");

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let cfg: InboxConfig | undefined;
      try {
        const response = await fetch("/inbox-config.json", { cache: "no-store" });
        cfg = response.ok ? parseConfig(await response.json()) : undefined;
      } catch {
        cfg = undefined;
      }
      if (cancelled) return;
      if (!cfg) {
        setPhase("no-config");
        return;
      }
      setConfig(cfg);
      const url = new URL(window.location.href);
      let current: Session | undefined;
      let ref = url.searchParams.get("ref") ?? undefined;
      try {
        if (url.searchParams.has("code") || url.searchParams.has("error")) {
          setNotice(t("inbox.signingIn"));
          const done = await completeSignIn(cfg, url, window.sessionStorage);
          current = done?.session;
          ref = done?.ref;
          window.history.replaceState(null, "", ref ? `${pagePath}?ref=${encodeURIComponent(ref)}` : pagePath);
          setNotice("");
        }
      } catch {
        window.history.replaceState(null, "", pagePath);
        setNotice(t("inbox.signInFailed"));
      }
      current ??= loadSession(window.sessionStorage);
      if (cancelled) return;
      if (!current) {
        setPhase("signed-out");
        return;
      }
      setSession(current);
      setPhase("ready");
      ready(current, ref);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return {
    phase,
    config,
    session,
    notice,
    async signIn() {
      if (!config) return;
      const ref = new URL(window.location.href).searchParams.get("ref") ?? undefined;
      window.location.assign(await beginSignIn(config, `${window.location.origin}${pagePath}`, window.sessionStorage, ref));
    },
    signOut() {
      clearSession(window.sessionStorage);
      if (config) window.location.assign(logoutUrl(config, `${window.location.origin}${pagePath}`));
    },
    signedOut(message: string) {
      clearSession(window.sessionStorage);
      setSession(undefined);
      setNotice(message);
      setPhase("signed-out");
    },
  };
}
