/**
 * The inbox's pure logic (src/components/Inbox/logic.ts), without a DOM: filters, pages, what each action
 * sends, what a failure means, how answers, history events and an attached estimate read.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { videoconferencePriceList } from "../../../src/data/catalogue.ts";
import { ApiError, emptyFilter, type Detail, type ListResponse, type Summary } from "../../../src/components/Inbox/api.ts";
import {
  actionFailure, answerView, appendPage, draftsFor, failureKind, failureMessage, filterProblem, historyText, ids, planAction, resultsMessage,
} from "../../../src/components/Inbox/logic.ts";
import { estimateView } from "../../../src/components/Inbox/estimate-view.ts";
import { inboxStrings } from "../../../src/components/Inbox/props.ts";
import { translator } from "../../../src/components/Inbox/strings.ts";

const fr = translator(inboxStrings("fr"), "fr");
const en = translator(inboxStrings("en"), "en");
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function detail(overrides: Partial<Detail["submission"]> = {}, transitions: Detail["transitions"] = ["in-progress", "closed"]): Detail {
  return {
    submission: {
      reference: "I-ABC234", type: "inquiry", status: "new", createdAt: "2026-03-02T15:00:00Z", lang: "fr", source: "/fr/demande/",
      answers: {}, expiresAt: 1_900_000_000, revision: 1, ...overrides,
    },
    history: [{ kind: "created", at: "2026-03-02T15:00:00Z" }],
    transitions,
  };
}

describe("filters and pages", () => {
  it("refuses a date range that ends before it starts, and only that", () => {
    expect(filterProblem({ ...emptyFilter, from: "2026-03-02", to: "2026-03-01" })).toBe("badRange");
    expect(filterProblem({ ...emptyFilter, from: "2026-03-02", to: "2026-03-02" })).toBeUndefined();
    expect(filterProblem({ ...emptyFilter, from: "2026-03-02" })).toBeUndefined();
    expect(filterProblem({ ...emptyFilter, to: "2026-03-01" })).toBeUndefined();
  });

  it("appends a page after the rows shown, keeping the first page's counts and the new cursor", () => {
    const row = (reference: string): Summary => ({ reference, type: "inquiry", status: "new", createdAt: "2026-03-02T15:00:00Z", organisation: "X" });
    const first: ListResponse = { items: [row("A"), row("B")], cursor: "c1", counts: { new: 3, "in-progress": 0, answered: 0, closed: 0 } };
    const next = appendPage(first, { items: [row("C")] });
    expect(next.items.map((i) => i.reference)).toEqual(["A", "B", "C"]);
    expect(next.counts).toEqual(first.counts);
    expect(next.cursor).toBeUndefined();
    expect(appendPage(first, { items: [], cursor: "c2" }).cursor).toBe("c2");
  });

  it("says how many results are shown, or that there are none", () => {
    expect(resultsMessage(0, fr)).toBe(fr("inbox.none"));
    expect(resultsMessage(1, fr)).toBe("1 demande affichée");
    expect(resultsMessage(3, en)).toBe("3 submissions shown");
  });

  it("names the element each focus move lands on", () => {
    expect(ids.rowLink("I-ABC234")).toBe("inbox-row-I-ABC234");
    expect(ids.outcome("status")).toBe("inbox-status-outcome");
  });
});

describe("failures", () => {
  it.each([
    [new ApiError(401, "unauthorized", null, undefined), "signedOut", ""],
    [new ApiError(503, "unavailable", null, undefined), "unavailable", "inbox.error.unavailable"],
    [new ApiError(0, "network", null, undefined), "unavailable", "inbox.error.unavailable"],
    [new ApiError(500, "internal", null, undefined), "load", "inbox.error.load"],
    [new TypeError("bug"), "load", "inbox.error.load"],
  ] as const)("%s is %s", (error, kind, key) => {
    expect(failureKind(error)).toBe(kind);
    expect(failureMessage(error, en)).toBe(key ? en(key) : "");
  });

  it("shows the fresh record when someone acted first (409) or the transition is gone (422)", () => {
    const fresh = detail({ revision: 2, status: "in-progress" });
    expect(actionFailure(new ApiError(409, "conflict", null, fresh), "fr", fr, 2000)).toEqual({ message: fr("inbox.action.conflict"), fresh });
    expect(actionFailure(new ApiError(422, "invalid_transition", null, fresh), "fr", fr, 2000)).toEqual({ message: fr("inbox.action.invalidTransition"), fresh });
  });

  it("names the field of a text too long, signs out on 401, and says « not saved » otherwise", () => {
    expect(actionFailure(new ApiError(400, "too_long", "note", undefined), "en", en, 2000)).toEqual({ message: en("inbox.action.tooLong", { max: "2,000" }), field: "note" });
    expect(actionFailure(new ApiError(401, "unauthorized", null, undefined), "en", en, 2000)).toEqual({ signedOut: true });
    expect(actionFailure(new ApiError(409, "conflict", null, undefined), "en", en, 2000)).toEqual({ message: en("inbox.action.failed") });
    expect(actionFailure(new ApiError(503, "unavailable", null, undefined), "en", en, 2000)).toEqual({ message: en("inbox.action.failed") });
  });
});

describe("action forms", () => {
  it("start from the record: first allowed status, its adviser, empty notes", () => {
    expect(draftsFor(detail({ assignee: "Marie" }))).toEqual({ statusChoice: "in-progress", statusNote: "", assignee: "Marie", note: "" });
    expect(draftsFor(detail({}, []))).toEqual({ statusChoice: "", statusNote: "", assignee: "", note: "" });
  });

  const drafts = { statusChoice: "in-progress", statusNote: "", assignee: "", note: "" };

  it("send a status, with its note only when one is written", () => {
    expect(planAction("status", drafts, detail(), fr)).toEqual({ send: { status: "in-progress" }, success: "Statut changé : En traitement." });
    expect(planAction("status", { ...drafts, statusNote: "Appel jeudi" }, detail(), fr)).toMatchObject({ send: { status: "in-progress", note: "Appel jeudi" } });
    expect(planAction("status", { ...drafts, statusNote: "   " }, detail(), fr)).toMatchObject({ send: { status: "in-progress" } });
    expect(planAction("status", { ...drafts, statusChoice: "" }, detail({}, []), fr)).toEqual({ unchanged: true });
  });

  it("send an adviser only when it changes (spaces ignored); an empty one removes the assignment", () => {
    expect(planAction("assign", { ...drafts, assignee: " Marie " }, detail({ assignee: "Marie" }), en)).toEqual({ unchanged: true });
    expect(planAction("assign", { ...drafts, assignee: "" }, detail(), en)).toEqual({ unchanged: true });
    expect(planAction("assign", { ...drafts, assignee: " Sam " }, detail({ assignee: "Marie" }), en)).toEqual({ send: { assignee: "Sam" }, success: en("inbox.action.savedAssign") });
    expect(planAction("assign", { ...drafts, assignee: "" }, detail({ assignee: "Marie" }), en)).toEqual({ send: { assignee: "" }, success: en("inbox.action.savedAssign") });
  });

  it("refuse an empty internal note on the spot, naming the field", () => {
    expect(planAction("note", { ...drafts, note: " \n " }, detail(), fr)).toEqual({ invalid: fr("inbox.action.noteRequired"), field: "note" });
    expect(planAction("note", { ...drafts, note: "Client existant" }, detail(), fr)).toEqual({ send: { note: "Client existant" }, success: fr("inbox.action.savedNote") });
  });

  it("never send a blank note, whatever is typed", () => {
    fc.assert(fc.property(fc.string(), (note) => {
      const plan = planAction("note", { ...drafts, note }, detail(), en);
      return "send" in plan ? (plan.send.note ?? "").trim() !== "" : note.trim() === "";
    }));
  });
});

describe("answers and history", () => {
  const labels = { videoconference: "Vidéoconférence", mobility: "Mobilité cellulaire" };
  it.each([
    ["message", undefined, { kind: "empty" }],
    ["message", "", { kind: "empty" }],
    ["services", [], { kind: "empty" }],
    ["services", ["videoconference", "unknown"], { kind: "list", items: ["Vidéoconférence", "unknown"] }],
    ["email", "lea@levis.ca", { kind: "email", value: "lea@levis.ca" }],
    ["organisationType", "municipality", { kind: "text", value: "Municipalité" }],
    ["organisationType", "other-thing", { kind: "text", value: "other-thing" }],
    ["preferredLanguage", "en", { kind: "text", value: "Anglais" }],
    ["message", "Bonjour", { kind: "text", value: "Bonjour" }],
  ] as const)("%s = %j", (name, value, view) => {
    expect(answerView(name, value as string | string[] | undefined, fr, labels)).toEqual(view);
  });

  it("words each event with who and when, and keeps its note apart", () => {
    const at = "2026-12-01T14:30:00Z";
    expect(historyText({ kind: "created", at }, "fr", fr)).toEqual({ when: "1er décembre 2026, 9\u00a0h\u00a030", what: fr("inbox.history.created") });
    expect(historyText({ kind: "status", at, by: "dana@x", from: "new", status: "in-progress", note: "Appel" }, "fr", fr))
      .toEqual({ when: expect.any(String), what: "Statut changé de « Nouvelle » à « En traitement » par dana@x", note: "Appel" });
    expect(historyText({ kind: "status", at, from: "new", status: "closed" }, "en", en).what).toBe(`${en("inbox.history.status", { from: "New", to: "Closed" })} ${en("inbox.history.commandLine")}`);
    expect(historyText({ kind: "note", at, by: "sam@x", note: "Called" }, "en", en)).toEqual({ when: "December 1, 2026, 9:30\u00a0a.m.", what: `${en("inbox.history.note")} ${en("inbox.history.by", { who: "sam@x" })}`, note: "Called" });
    expect(historyText({ kind: "assign", at, by: "sam@x", assignee: "" }, "en", en).what).toBe(`${en("inbox.history.unassign")} ${en("inbox.history.by", { who: "sam@x" })}`);
    expect(historyText({ kind: "assign", at, by: "dana@x", assignee: "Marie Gagnon" }, "fr", fr).what).toBe("Assignée à Marie Gagnon par dana@x");
  });
});

describe("attached estimate", () => {
  const code = "2017-08-24_10_s.standard.10_r.recording.4.90_h.training.3";

  it("is priced by the estimator's module: lines with quantities and every total (fr)", () => {
    const view = estimateView(code, videoconferencePriceList, "fr", fr);
    if (!view.ok) throw new Error(view.message);
    const { rows, totals, priceList, otherVersion } = view.summary;
    expect(rows.map((r) => [r.name, r.quantity, plain(r.unitPrice), r.unit, plain(r.monthly), plain(r.oneTime)])).toEqual([
      ["Service visioconférence standard", "10", "15,00 $", expect.any(String), "150,00 $", "1 000,00 $"],
      ["Enregistrement de visioconférence", "4", "100,00 $", "par séance de 90 min", "400,00 $", "0,00 $"],
      ["Formation", "3", "90,00 $", "Horaire", "270,00 $", "0,00 $"],
    ]);
    expect(totals.map((t) => [t.label, plain(t.amount)])).toEqual([
      ["Sous-total mensuel", "820,00 $"],
      ["Frais de service uniques (à l'activation)", "1 000,00 $"],
      ["Total du premier mois", "1 820,00 $"],
      ["Total sur 12 mois", "10 840,00 $"],
      ["Total de l'exercice financier (début en octobre, 6 mois)", "5 920,00 $"],
    ]);
    expect(priceList).toBe("Les montants sont ceux de la grille tarifaire du 24 août 2017.");
    expect(otherVersion).toBeUndefined();
  });

  it("reads the same in English, with English formats", () => {
    const view = estimateView(code, videoconferencePriceList, "en", en);
    if (!view.ok) throw new Error(view.message);
    expect(view.summary.totals.map((t) => [t.label, t.amount])).toEqual([
      ["Monthly subtotal", "$820.00"],
      ["One-time service fees (at activation)", "$1,000.00"],
      ["First month total", "$1,820.00"],
      ["12-month total", "$10,840.00"],
      ["Fiscal-year total (starting in October, 6 months)", "$5,920.00"],
    ]);
    expect(view.summary.rows[0]?.oneTime).toBe("$1,000.00");
  });

  it("says when the link was made with another price list, and prices it at the current one", () => {
    const view = estimateView("2016-01-01_4_s.standard.1", videoconferencePriceList, "en", en);
    if (!view.ok) throw new Error(view.message);
    expect(view.summary.otherVersion).toBe(en("estimate.otherVersion", { linkDate: "January 1, 2016", currentDate: "August 24, 2017" }));
    expect(view.summary.totals[0]?.amount).toBe("$15.00");
  });

  it("says why a code cannot be read, never a wrong amount", () => {
    expect(estimateView("2017-08-24_4_a.1.3", videoconferencePriceList, "fr", fr)).toEqual({ ok: false, message: fr("inbox.estimate.invalid") });
    expect(estimateView("2017-08-24_4_s.gold.3", videoconferencePriceList, "en", en)).toEqual({ ok: false, message: en("inbox.estimate.unknownItem", { item: "gold" }) });
    expect(estimateView("2017-08-24_4_h.standard.3", videoconferencePriceList, "en", en)).toEqual({ ok: false, message: en("inbox.estimate.invalid") });
  });
});
