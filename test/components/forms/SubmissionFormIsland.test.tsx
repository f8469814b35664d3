// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import SubmissionFormIsland from "../../../src/components/forms/SubmissionFormIsland.tsx";
import fr from "../../../src/i18n/ui/fr.ts";
import type { FormStrings } from "../../../src/lib/forms/messages.ts";

const strings = Object.fromEntries(Object.entries(fr).filter(([k]) => k.startsWith("forms."))) as FormStrings;
const props = {
  lang: "fr" as const,
  strings,
  serviceLabels: { telephony: "Communications téléphoniques", videoconference: "Visioconférence", mobility: "Mobilité cellulaire", cau: "CAU", csc: "CSC" },
  privacyHref: "/fr/confidentialite/",
  confirmationHref: "/fr/confirmation/",
  retentionMonths: 24,
  source: "/fr/trouver-son-conseiller/",
  minFillMs: 0,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SubmissionFormIsland", () => {
  it("marks optional fields « (facultatif) », never with asterisks, and states the privacy notice", () => {
    const { container } = render(<SubmissionFormIsland {...props} type="adviser-request" />);
    const phoneLabel = container.querySelector("label[for='adviser-request-phone']")!;
    expect(phoneLabel.textContent).toBe("Téléphone (facultatif)");
    expect(container.querySelector("label[for='adviser-request-email']")!.textContent).toBe("Courriel professionnel");
    expect(container.textContent).not.toContain("*");
    expect(container.querySelector("#adviser-request-email")!.getAttribute("autocomplete")).toBe("work email");
    expect(container.querySelector(".sf-privacy")!.textContent).toContain("conservés 24 mois");
    expect(container.querySelector(".sf-privacy a")!.getAttribute("href")).toBe("/fr/confidentialite/");
    expect(container.querySelector("form")!.getAttribute("action")).toBe("/api/adviser-requests");
  });

  it("checks a field when the reader leaves it, and clears the error once corrected", async () => {
    const { container } = render(<SubmissionFormIsland {...props} type="adviser-request" />);
    const email = container.querySelector("#adviser-request-email") as HTMLInputElement;
    fireEvent.input(email, { target: { value: "pas-valide" } });
    fireEvent.blur(email);
    await waitFor(() => expect(container.querySelector("#adviser-request-email-error")).not.toBeNull());
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toContain("adviser-request-email-error");
    fireEvent.input(email, { target: { value: "a@b.ca" } });
    await waitFor(() => expect(container.querySelector("#adviser-request-email-error")).toBeNull());
  });

  it("shows an error summary with links and moves focus to it, without sending", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const { container } = render(<SubmissionFormIsland {...props} type="inquiry" />);
    fireEvent.submit(container.querySelector("form")!);
    await waitFor(() => expect(container.querySelector(".sf-error-summary")).not.toBeNull());
    const summary = container.querySelector(".sf-error-summary")!;
    expect(summary.querySelector("h2")!.textContent).toBe("Le formulaire contient 6 erreurs");
    expect(summary.querySelector("a")!.getAttribute("href")).toBe("#inquiry-organisation");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps the answers on a network failure and retries with the same Idempotency-Key", async () => {
    const calls: Array<{ key: string; body: Record<string, unknown> }> = [];
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      calls.push({ key: (init.headers as Record<string, string>)["idempotency-key"]!, body: JSON.parse(init.body as string) });
      if (calls.length === 1) throw new TypeError("offline");
      return new Response(JSON.stringify({ errors: [{ field: null, code: "unavailable", message: "x" }] }), { status: 503 });
    });
    vi.stubGlobal("fetch", fetch);
    const { container } = render(<SubmissionFormIsland {...props} type="adviser-request" />);
    const set = (id: string, value: string) => fireEvent.input(container.querySelector(`#${id}`)!, { target: { value } });
    set("adviser-request-organisation", "Organisme");
    set("adviser-request-name", "Jeanne");
    set("adviser-request-email", "j@x.ca");
    fireEvent.click(container.querySelector("#adviser-request-preferredLanguage-fr")!);
    fireEvent.submit(container.querySelector("form")!);
    await waitFor(() => expect(container.querySelector(".sf-error-summary")?.textContent).toContain("problème de connexion"));
    expect((container.querySelector("#adviser-request-name") as HTMLInputElement).value).toBe("Jeanne");
    fireEvent.click(container.querySelector(".sf-error-summary button")!);
    await waitFor(() => expect(container.querySelector(".sf-error-summary")?.textContent).toContain("momentanément indisponible"));
    expect(calls).toHaveLength(2);
    expect(calls[0]!.key).toBe(calls[1]!.key);
    expect(calls[0]!.body).toMatchObject({ organisation: "Organisme", name: "Jeanne", lang: "fr", source: "/fr/trouver-son-conseiller/" });
    expect(typeof calls[0]!.body.elapsedMs).toBe("number");
  });
});
