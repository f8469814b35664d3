// @vitest-environment happy-dom
/**
 * The attainment report island's starting state, as the server renders it and a reader meets it: the choice of
 * centre, the privacy notice, the file and paste fields, the examples; and what it says before any file is read.
 * (Reading and assessing run in a worker: test/browser/attainment.test.ts drives them in Chromium.)
 */
import { afterEach, describe, expect, test } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { renderToString } from "preact-render-to-string";
import AttainmentReportIsland, { type CentreInfo } from "../../../src/components/AttainmentReport/AttainmentReportIsland.tsx";
import { sampleHref } from "../../../src/components/AttainmentReport/samples.ts";
import { pickStrings, useTranslations, type Lang } from "../../../src/i18n/index.ts";
import { profileOf } from "../../../src/lib/attainment/index.ts";

const centres = (lang: Lang): Record<"cau" | "csc", CentreInfo> => ({
  cau: { profile: profileOf("cau"), name: "CAU", targets: ["a", "b", "c", "d", "e"], sampleHref: sampleHref(lang, "cau") },
  csc: { profile: profileOf("csc"), name: "CSC", targets: ["a", "b", "c", "d", "e"], sampleHref: sampleHref(lang, "csc") },
});

afterEach(() => cleanup());

describe.each(["fr", "en"] as const)("the starting state (%s)", (lang) => {
  const t = useTranslations(lang);
  test("the server renders the tool itself, with every label in the page's language", () => {
    const html = renderToString(<AttainmentReportIsland lang={lang} strings={pickStrings(lang, "attainment.")} centres={centres(lang)} />);
    const holder = document.createElement("div");
    holder.innerHTML = html;
    for (const key of ["attainment.privacy", "attainment.fileLabel", "attainment.pasteLabel", "attainment.read", "attainment.sampleHeading"] as const) {
      expect(holder.textContent).toContain(t(key));
    }
    expect(html).toContain(`href="${sampleHref(lang, "csc")}"`);
  });

  test("reading with nothing given says so; the centre can be chosen", async () => {
    const view = render(<AttainmentReportIsland lang={lang} strings={pickStrings(lang, "attainment.")} centres={centres(lang)} />);
    const csc = screen.getByLabelText("CSC") as HTMLInputElement;
    expect((screen.getByLabelText("CAU") as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(csc);
    });
    expect(csc.checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: t("attainment.read") }));
    });
    expect(screen.getByRole("alert").textContent).toBe(t("attainment.error.noInput"));
    expect(view.container.querySelector("[role=status]")?.textContent).toBe("");
  });
});
