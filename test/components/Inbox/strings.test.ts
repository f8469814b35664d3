/**
 * Wiring of the inbox island: every interface string it asks for is passed by its Astro wrapper in both
 * languages, and the age and date display.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inboxStrings } from "../../../src/components/Inbox/props.ts";
import { translator, type InboxStrings } from "../../../src/components/Inbox/strings.ts";
import { age, dayOfEpoch, shortDateTime } from "../../../src/components/Inbox/display.ts";
import { statuses, formTypes, fields } from "../../../src/lib/forms/fields.ts";

/** Every browser-side file of the island (props.ts runs at build time only). */
const folder = new URL("../../../src/components/Inbox/", import.meta.url);
const source = readdirSync(folder)
  .filter((name) => /\.tsx?$/.test(name) && name !== "props.ts")
  .map((name) => readFileSync(new URL(name, folder), "utf8"))
  .join("\n");
const wrapper = readFileSync(new URL("Inbox.astro", folder), "utf8");

function passed(lang: "fr" | "en"): InboxStrings {
  expect(wrapper).toContain("strings={inboxStrings(lang)}");
  return inboxStrings(lang);
}

describe("inbox strings", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`passes every key the island uses (${lang})`, () => {
      const strings = passed(lang);
      const literal = [...source.matchAll(/\bt(?:\.plural)?\("([a-zA-Z.-]+)"/g)].map((m) => m[1] as string);
      expect(literal.length).toBeGreaterThan(40);
      const dynamic = [
        ...statuses.map((s) => `forms.status.${s}`),
        ...formTypes.map((type) => `forms.type.${type}`),
        ...formTypes.flatMap((type) => fields[type].map((f) => `forms.field.${f.name}`)),
        "forms.language.fr", "forms.language.en",
      ];
      for (const key of [...literal, ...dynamic]) expect(strings[key], key).toBeDefined();
    });
  }

  it("fails loudly on a key the page did not pass", () => {
    expect(() => translator({}, "fr")("inbox.signIn")).toThrow('Missing interface string "inbox.signIn"');
  });
});

describe("inbox display", () => {
  const t = translator(passed("en"), "en");
  const created = "2026-03-02T15:00:00Z";
  it("gives the age in minutes, then hours, then days", () => {
    const at = (ms: number) => new Date(Date.parse(created) + ms);
    expect(age(created, at(0), t)).toBe("0 minutes");
    expect(age(created, at(60_000), t)).toBe("1 minute");
    expect(age(created, at(59 * 60_000), t)).toBe("59 minutes");
    expect(age(created, at(3_600_000), t)).toBe("1 hour");
    expect(age(created, at(47 * 3_600_000 + 59 * 60_000), t)).toBe("47 hours");
    expect(age(created, at(48 * 3_600_000), t)).toBe("2 days");
    expect(age(created, at(-5_000), t)).toBe("0 minutes");
    expect(age(created, at(26 * 86_400_000), translator(passed("fr"), "fr"))).toBe("26 jours");
  });

  it("shows instants in Québec time", () => {
    expect(shortDateTime("2026-12-01T14:30:00Z", "fr")).toBe("1er décembre 2026, 9\u00a0h\u00a030");
    expect(shortDateTime("2026-12-01T14:30:00Z", "en")).toBe("December 1, 2026, 9:30\u00a0a.m.");
    expect(dayOfEpoch(Date.parse("2026-03-10T03:30:00Z") / 1000, "en")).toBe("March 9, 2026");
  });
});
