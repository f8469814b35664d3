// @vitest-environment happy-dom
/**
 * The estimator island as a reader uses it: add, type, remove, mistakes and their messages, the URL,
 * the announcement of the totals. Strings and prices are the real ones (src/i18n, the catalogue).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import CostEstimatorIsland, { ANNOUNCE_DELAY_MS } from "../../../src/components/CostEstimator/CostEstimatorIsland.tsx";
import { pickStrings, useTranslations, type Lang } from "../../../src/i18n/index.ts";
import { formatMoney } from "../../../src/i18n/format.ts";
import { videoconferencePriceList as priceList } from "../../../src/data/catalogue.ts";
import { islandStrings, localPriceList, provideEstimatorData } from "../../../src/components/CostEstimator/page-data.ts";

const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
const standard = priceList.subscriptions.find((s) => s.id === "standard")!;
const hd = priceList.subscriptions.find((s) => s.id === "high-definition")!;

function mount(lang: Lang = "fr", inquiryForm = true) {
  const t = useTranslations(lang);
  // What the page part hands over on the server (CostEstimator.astro); the island reads it back from the page in
  // the browser (test/components/CostEstimator/page-data.test.ts).
  provideEstimatorData("ce", lang, { priceList: localPriceList(priceList, lang), strings: islandStrings(pickStrings(lang, "estimate.")) });
  const view = render(
    <CostEstimatorIsland lang={lang} inquiryForm={inquiryForm} />,
  );
  const total = (name: string) => plain(view.container.querySelector(`[data-total="${name}"]`)?.textContent);
  const money = (cents: number) => plain(formatMoney(cents, lang));
  const addItem = (id: string) => {
    fireEvent.change(screen.getByLabelText(t("estimate.addLabel")), { target: { value: id } });
    fireEvent.click(screen.getByRole("button", { name: t("estimate.addButton") }));
  };
  return { ...view, t, total, money, addItem };
}

beforeEach(() => window.history.replaceState(null, "", "/fr/estimateur-couts/"));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("adding lines", () => {
  test("starts empty, with zero totals and every item offered", () => {
    const { t, total, money } = mount();
    expect(screen.getByText(t("estimate.empty"))).toBeTruthy();
    expect(total("monthly")).toBe(money(0));
    const options = within(screen.getByLabelText(t("estimate.addLabel"))).getAllByRole("option");
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual([...priceList.subscriptions, ...priceList.optional].map((i) => i.id));
  });

  test("adding a subscription puts the cursor in its quantity, at 1, and prices it", () => {
    const { t, total, money, addItem } = mount();
    addItem("high-definition");
    const input = screen.getByLabelText(t("estimate.quantity.terminal")) as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe("1");
    // Selected: the next number typed replaces the 1.
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 1]);
    expect(input.getAttribute("inputmode")).toBe("numeric");
    expect(total("monthly")).toBe(money(hd.monthlyCents));
    expect(total("one-time")).toBe(money(hd.serviceFeeCents));
    // Once added, an item is no longer offered.
    const options = within(screen.getByLabelText(t("estimate.addLabel"))).getAllByRole("option").map((o) => (o as HTMLOptionElement).value);
    expect(options).not.toContain("high-definition");
  });

  test("totals follow the typing, and the worked estimate gives its known totals", () => {
    const { t, total, addItem, container } = mount();
    addItem("standard");
    fireEvent.input(screen.getByLabelText(t("estimate.quantity.terminal")), { target: { value: "10" } });
    addItem("high-definition");
    fireEvent.input(container.querySelectorAll<HTMLInputElement>("input")[1]!, { target: { value: "2" } });
    addItem("recording");
    fireEvent.input(screen.getByLabelText(t("estimate.sessions")), { target: { value: "4" } });
    fireEvent.input(screen.getByLabelText(t("estimate.minutes")), { target: { value: "90" } });
    addItem("training");
    fireEvent.input(screen.getByLabelText(t("estimate.hours")), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText(t("estimate.startMonth")), { target: { value: "10" } });
    expect(total("monthly")).toBe("892,00 $");
    expect(total("one-time")).toBe("1 200,00 $");
    expect(total("first-month")).toBe("2 092,00 $");
    expect(total("twelve-months")).toBe("11 904,00 $");
    expect(total("fiscal-year")).toBe("6 552,00 $");
    expect(plain(screen.getByText(/exercice financier \(début/).textContent)).toBe("Total de l'exercice financier (début en octobre, 6 mois)");
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(6); // header, 4 lines, total
    expect(window.location.search).toBe("?estimate=me9u_2017-08-24_10_s.standard.10_s.high-definition.2_r.recording.4.90_h.training.3");
    const send = screen.getByRole("link", { name: t("estimate.send") });
    expect(send.getAttribute("href")).toBe("/fr/demande-information/?estimate=me9u_2017-08-24_10_s.standard.10_s.high-definition.2_r.recording.4.90_h.training.3");
  });

  test("when every item is added, the reader is told there is nothing more to add", () => {
    const { t, addItem } = mount("en");
    for (const item of [...priceList.subscriptions, ...priceList.optional]) addItem(item.id);
    expect(screen.getByText(t("estimate.allAdded"))).toBeTruthy();
    expect(screen.queryByLabelText(t("estimate.addLabel"))).toBeNull();
  });
});

describe("removing lines", () => {
  test("remove takes the line out, moves focus to the lines' heading and recomputes", () => {
    const { t, total, money, addItem } = mount();
    addItem("standard");
    addItem("high-definition");
    fireEvent.click(screen.getByRole("button", { name: t("estimate.removeLabel", { service: standard.name.fr }) }));
    expect(screen.queryByRole("group", { name: standard.name.fr })).toBeNull();
    expect(screen.getByRole("group", { name: hd.name.fr })).toBeTruthy();
    expect(total("monthly")).toBe(money(hd.monthlyCents));
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: t("estimate.linesHeading") }));
    fireEvent.click(screen.getByRole("button", { name: t("estimate.removeLabel", { service: hd.name.fr }) }));
    expect(screen.getByText(t("estimate.empty"))).toBeTruthy();
    expect(total("monthly")).toBe(money(0));
  });

  test("the remove button's accessible name starts with its visible text (label in name)", () => {
    const { t, addItem } = mount("en");
    addItem("training");
    const button = screen.getByRole("button", { name: new RegExp(`^${t("estimate.remove")}`) });
    expect(button.textContent).toBe(t("estimate.remove"));
  });
});

describe("validation: whole numbers from 0 to 10 000, the message tied to its field", () => {
  test.each([
    ["2,5", "notWhole"], ["abc", "notWhole"], ["", "required"], ["-4", "negative"], ["10001", "tooLarge"],
  ] as const)("%j gives the %s message", (typed, error) => {
    const { t, addItem } = mount();
    addItem("standard");
    const input = screen.getByLabelText(t("estimate.quantity.terminal"));
    fireEvent.input(input, { target: { value: typed } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (input.getAttribute("aria-describedby") ?? "").split(" ");
    const message = document.getElementById(describedBy[0]!);
    expect(message?.textContent).toBe(t(`estimate.error.${error}`));
    expect(describedBy).toContain("ce-hint");
    // No total is shown from half-valid input, and the URL keeps the last valid estimate.
    expect(screen.getByText(t("estimate.invalidTotals"))).toBeTruthy();
    expect(document.querySelector("[data-total]")).toBeNull();
    expect(window.location.search).toBe("?estimate=iygo_2017-08-24_4_s.standard.1");
    expect(screen.queryByRole("link", { name: t("estimate.send") })).toBeNull();
  });

  test("correcting the field removes the message and brings the totals back; 0 and 10 000 are accepted", () => {
    const { t, total, money, addItem } = mount("en");
    addItem("standard");
    const input = screen.getByLabelText(t("estimate.quantity.terminal"));
    fireEvent.input(input, { target: { value: "1.5" } });
    fireEvent.input(input, { target: { value: "10000" } });
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("ce-hint");
    expect(total("monthly")).toBe(money(10_000 * standard.monthlyCents));
    fireEvent.input(input, { target: { value: "0" } });
    expect(total("monthly")).toBe(money(0));
  });
});

describe("the URL holds the estimate", () => {
  test("a shared link is loaded as it was", () => {
    window.history.replaceState(null, "", "/fr/estimateur-couts/?estimate=2017-08-24_3_s.standard.2");
    const { t, total } = mount();
    expect((screen.getByLabelText(t("estimate.quantity.terminal")) as HTMLInputElement).value).toBe("2");
    expect(total("fiscal-year")).toBe("230,00 $"); // March: one month, 2 × 15,00 $ + 2 × 100,00 $
    expect(document.querySelector(".ce-notice")).toBeNull();
  });

  test("a link made with another price list says so and shows the total under the current prices", () => {
    window.history.replaceState(null, "", "/en/cost-estimator/?estimate=2016-01-31_4_s.standard.2");
    const { t, total, money } = mount("en");
    expect(document.querySelector(".ce-notice")?.textContent).toBe(
      t("estimate.otherVersion", { linkDate: "January 31, 2016", currentDate: "August 24, 2017" }),
    );
    expect(total("monthly")).toBe(money(2 * standard.monthlyCents));
    // Opening the link does not rewrite it: reloading still says which list it was made with.
    expect(window.location.search).toBe("?estimate=2016-01-31_4_s.standard.2");
  });

  test.each([
    ["2017-08-24_4_s.teleportation.1", "estimate.linkUnknownItem"],
    ["2017-08-24_4_s.standard.1.5", "estimate.linkInvalid"],
    ["nonsense", "estimate.linkInvalid"],
    ["iygo_2017-08-24_4_s.standard.", "estimate.linkInvalid"],
    ["iygo_2017-08-24_4_s.standard.10", "estimate.linkInvalid"],
  ] as const)("an unreadable link %j gives a notice and an empty estimate, never a guess", (code, key) => {
    window.history.replaceState(null, "", `/fr/estimateur-couts/?estimate=${code}`);
    const { t } = mount();
    expect(document.querySelector(".ce-notice")?.textContent).toBe(t(key, { item: "teleportation" }));
    expect(screen.getByText(t("estimate.empty"))).toBeTruthy();
  });

  test("without the inquiry form built, no link to it", () => {
    const { t, addItem } = mount("fr", false);
    addItem("standard");
    expect(screen.queryByRole("link", { name: t("estimate.send") })).toBeNull();
  });
});

describe("the totals are announced politely, after a pause in typing", () => {
  test("not on every keystroke, once after the delay", () => {
    vi.useFakeTimers();
    const { t, addItem, money } = mount("en");
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    addItem("standard");
    const input = screen.getByLabelText(t("estimate.quantity.terminal"));
    fireEvent.input(input, { target: { value: "1" } });
    act(() => {
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS / 2);
    });
    fireEvent.input(input, { target: { value: "12" } });
    act(() => {
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS / 2);
    });
    expect(status.textContent).toBe("");
    act(() => {
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    });
    expect(plain(status.textContent)).toBe(plain(t("estimate.announce", {
      monthly: money(12 * standard.monthlyCents),
      firstMonth: money(12 * (standard.monthlyCents + standard.serviceFeeCents)),
      twelveMonths: money(12 * 12 * standard.monthlyCents + 12 * standard.serviceFeeCents),
      fiscalYear: money(12 * 12 * standard.monthlyCents + 12 * standard.serviceFeeCents),
    })));
  });

  test("a removal is announced with the new totals", () => {
    vi.useFakeTimers();
    const { t, addItem } = mount("en");
    addItem("training");
    fireEvent.click(screen.getByRole("button", { name: t("estimate.removeLabel", { service: "Training" }) }));
    act(() => {
      vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    });
    expect(screen.getByRole("status").textContent).toMatch(new RegExp(`^${t("estimate.removed", { service: "Training" })} `));
  });
});

test("a removal is announced even while another line keeps the estimate invalid", () => {
  vi.useFakeTimers();
  const { t, addItem } = mount("en");
  addItem("standard");
  addItem("training");
  fireEvent.input(screen.getByLabelText(t("estimate.hours")), { target: { value: "abc" } });
  act(() => {
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
  });
  fireEvent.click(screen.getByRole("button", { name: t("estimate.removeLabel", { service: "Standard videoconferencing service" }) }));
  act(() => {
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
  });
  expect(screen.getByRole("status").textContent).toContain(t("estimate.removed", { service: "Standard videoconferencing service" }));
  vi.useRealTimers();
});

test("CSV download: a Blob in the page's language with the download attribute", async () => {
  const created: Blob[] = [];
  const createObjectURL = vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    created.push(blob as Blob);
    return "blob:estimate";
  });
  const clicks: HTMLAnchorElement[] = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this);
  });
  try {
    const { t, addItem } = mount("fr");
    addItem("standard");
    fireEvent.click(screen.getByRole("button", { name: t("estimate.downloadCsv") }));
    expect(clicks[0]?.getAttribute("download")).toBe("estimation-2017-08-24.csv");
    expect(created[0]!.type).toBe("text/csv;charset=utf-8");
    // UTF-8 with its byte-order mark, so that spreadsheets read the accents.
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toBe("\ufeffService;Unité;Quantité;Prix unitaire ($);Montant mensuel ($);Frais de service uniques ($)");
  } finally {
    createObjectURL.mockRestore();
    click.mockRestore();
  }
});
