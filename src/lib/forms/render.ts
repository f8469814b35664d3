/**
 * The markup of a form, written once with Preact's `h` (plain .ts, so Node runs it without a
 * JSX step): the island renders it in the browser, Astro renders it at build time, and the
 * handlers render it for a reader without JavaScript whose answers need correcting.
 * Accessible-form pattern: labels above fields, « (facultatif) » on optional ones, hints and errors
 * tied with aria-describedby, an error summary of links at the top that receives focus.
 */
import { h, type ComponentChildren, type Ref, type VNode } from "preact";
import { fields, formAction, HONEYPOT_FIELD, type FieldSpec, type FormType } from "./fields.ts";
import { fieldLabel, formatCount, plural, text, type FormLang, type FormStrings } from "./messages.ts";

// Elements of any props: `h` infers each element's own props, which VNode<{}> would reject.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type El = VNode<any>;

export type Values = Record<string, string | string[] | undefined>;

export interface SummaryItem {
  field: string;
  message: string;
}

export interface FormViewProps {
  type: FormType;
  lang: FormLang;
  strings: FormStrings;
  /** Where the form posts without JavaScript: the API path (same origin), or an absolute URL. */
  action?: string;
  values: Values;
  /** field → message, shown next to the field. */
  errors: Record<string, string>;
  /** The error summary's entries, in form order (field errors). */
  summary: SummaryItem[];
  /** A failure of the whole submission (network, 429, 503…), shown in the summary with a retry button. */
  formError?: string;
  /** Label of each service id, from the catalogue. */
  serviceLabels: Record<string, string>;
  privacyHref: string;
  retentionMonths: number;
  /** Path of the page the reader is on (stored with the submission). */
  source: string;
  /** The estimator's state and, when it could be read, its summary. */
  estimate?: { code: string; summary?: string };
  sending?: boolean;
  summaryRef?: Ref<HTMLDivElement>;
  formRef?: Ref<HTMLFormElement>;
  onInput?: (name: string, value: string | string[]) => void;
  onBlur?: (name: string) => void;
  onSubmit?: (event: Event) => void;
  onRetry?: () => void;
}

export function fieldId(type: FormType, name: string, option?: string): string {
  return option === undefined ? `${type}-${name}` : `${type}-${name}-${option}`;
}

/** The element a summary link points to: the field, or the first choice of a group. */
export function fieldTarget(type: FormType, name: string): string {
  const spec = fields[type].find((s) => s.name === name);
  if (spec?.kind === "radio" || spec?.kind === "checkboxes") return fieldId(type, name, spec.options?.[0]);
  return fieldId(type, name);
}

function optionLabel(p: FormViewProps, spec: FieldSpec, option: string): string {
  if (spec.name === "services") return p.serviceLabels[option] ?? option;
  if (spec.name === "organisationType") return text(p.strings, `forms.organisationType.${option}`);
  return text(p.strings, `forms.language.${option}`);
}

function hintKey(p: FormViewProps, spec: FieldSpec): `forms.${string}` | undefined {
  if (spec.name === "email") return "forms.hint.email";
  if (spec.name === "phone") return "forms.hint.phone";
  if (spec.name === "services") return "forms.hint.services";
  if (spec.name === "message") return p.type === "adviser-request" ? "forms.hint.messageAdviser" : "forms.hint.message";
  return undefined;
}

function labelText(p: FormViewProps, spec: FieldSpec): ComponentChildren {
  return [fieldLabel(p.strings, spec.name), spec.required ? null : h("span", { class: "sf-optional" }, ` ${text(p.strings, "forms.optional")}`)];
}

function errorLine(p: FormViewProps, id: string, message: string | undefined): El | null {
  if (!message) return null;
  return h("p", { id: `${id}-error`, class: "sf-error-message" }, [
    h("span", { class: "sf-visually-hidden" }, `${text(p.strings, "forms.errorPrefix")} `),
    message,
  ]);
}

function describedBy(hint: boolean, error: boolean, id: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function field(p: FormViewProps, spec: FieldSpec): El | null {
  if (spec.kind === "hidden") return null;
  const id = fieldId(p.type, spec.name);
  const error = p.errors[spec.name];
  const key = hintKey(p, spec);
  const hint = key
    ? h("p", { id: `${id}-hint`, class: "sf-hint" }, text(p.strings, key, { max: formatCount(spec.max, p.lang) }))
    : null;
  const value = p.values[spec.name];
  const onInput = (event: Event) => p.onInput?.(spec.name, (event.currentTarget as HTMLInputElement).value);
  const onBlur = () => p.onBlur?.(spec.name);
  const groupClass = `sf-field${error ? " sf-field--error" : ""}`;

  if (spec.kind === "radio" || spec.kind === "checkboxes") {
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const inputType = spec.kind === "radio" ? "radio" : "checkbox";
    return h("fieldset", { class: groupClass, "aria-describedby": describedBy(!!hint, !!error, id) }, [
      h("legend", { class: "sf-label" }, labelText(p, spec)),
      hint,
      errorLine(p, id, error),
      h(
        "div",
        { class: "sf-choices" },
        (spec.options ?? []).map((option) => {
          const optionId = fieldId(p.type, spec.name, option);
          const onChange = (event: Event) => {
            const input = event.currentTarget as HTMLInputElement;
            if (inputType === "radio") p.onInput?.(spec.name, option);
            else p.onInput?.(spec.name, input.checked ? [...chosen, option] : chosen.filter((c) => c !== option));
          };
          return h("div", { class: "sf-choice" }, [
            h("input", {
              type: inputType,
              id: optionId,
              name: spec.name,
              value: option,
              checked: chosen.includes(option),
              required: spec.required && inputType === "radio" ? true : undefined,
              onChange,
              onBlur,
            }),
            h("label", { for: optionId }, optionLabel(p, spec, option)),
          ]);
        }),
      ),
    ]);
  }

  const common = {
    id,
    name: spec.name,
    required: spec.required || undefined,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": describedBy(!!hint, !!error, id),
    autocomplete: spec.autocomplete,
    onInput,
    onBlur,
  };
  let control: El;
  if (spec.kind === "select") {
    control = h("select", { ...common, onChange: onInput, value: typeof value === "string" ? value : "" }, [
      h("option", { value: "" }, text(p.strings, "forms.selectPrompt")),
      ...(spec.options ?? []).map((option) => h("option", { value: option, selected: value === option }, optionLabel(p, spec, option))),
    ]);
  } else if (spec.kind === "textarea") {
    control = h("textarea", { ...common, rows: 6, maxlength: spec.max, value: typeof value === "string" ? value : "" });
  } else {
    const inputType = spec.kind === "email" ? "email" : spec.kind === "tel" ? "tel" : "text";
    control = h("input", {
      ...common,
      type: inputType,
      maxlength: spec.max,
      inputmode: spec.kind === "extension" ? "numeric" : undefined,
      spellcheck: spec.kind === "email" ? false : undefined,
      class: spec.kind === "extension" ? "sf-input--short" : undefined,
      value: typeof value === "string" ? value : "",
    });
  }
  return h("div", { class: groupClass }, [
    h("label", { for: id, class: "sf-label" }, labelText(p, spec)),
    hint,
    errorLine(p, id, error),
    control,
  ]);
}

function privacyNotice(p: FormViewProps): El {
  const headingId = `${p.type}-privacy`;
  return h("section", { class: "sf-privacy", "aria-labelledby": headingId }, [
    h("h2", { id: headingId }, text(p.strings, "forms.privacy.heading")),
    h("p", null, `${text(p.strings, "forms.privacy.who")} ${text(p.strings, `forms.privacy.why.${p.type}`)}`),
    h("p", null, text(p.strings, "forms.privacy.access")),
    h("p", null, text(p.strings, "forms.privacy.optional")),
    h("p", null, `${text(p.strings, "forms.privacy.rights")} ${plural(p.strings, "forms.privacy.retention", p.retentionMonths, p.lang)}`),
    h("p", null, [text(p.strings, "forms.privacy.law"), " ", h("a", { href: p.privacyHref }, text(p.strings, "forms.privacy.link"))]),
  ]);
}

function summary(p: FormViewProps): El | null {
  if (p.summary.length === 0 && !p.formError) return null;
  const titleId = `${p.type}-error-summary-title`;
  return h("div", { class: "sf-error-summary", role: "region", ref: p.summaryRef, tabindex: -1, "aria-labelledby": titleId }, [
    h(
      "h2",
      { id: titleId },
      p.summary.length > 0 ? plural(p.strings, "forms.errorSummary", p.summary.length, p.lang) : p.formError,
    ),
    p.summary.length > 0 && p.formError ? h("p", null, p.formError) : null,
    p.summary.length > 0
      ? h("ul", null, p.summary.map((item) => h("li", null, h("a", { href: `#${fieldTarget(p.type, item.field)}` }, item.message))))
      : null,
    p.formError && p.onRetry
      ? h("button", { type: "button", class: "sf-button sf-button--secondary", onClick: p.onRetry, disabled: p.sending }, text(p.strings, "forms.retry"))
      : null,
  ]);
}

export function FormView(p: FormViewProps): El {
  const answerFields = fields[p.type];
  return h(
    "form",
    {
      class: "sf-form",
      ref: p.formRef,
      method: "post",
      action: p.action ?? formAction[p.type],
      novalidate: true,
      "accept-charset": "UTF-8",
      onSubmit: p.onSubmit,
      "aria-busy": p.sending ? "true" : undefined,
    },
    [
      summary(p),
      h("p", { class: "sf-required-note" }, text(p.strings, "forms.requiredNote")),
      h("input", { type: "hidden", name: "lang", value: p.lang }),
      h("input", { type: "hidden", name: "source", value: p.source }),
      p.estimate ? h("input", { type: "hidden", name: "estimate", value: p.estimate.code }) : null,
      ...answerFields.map((spec) => field(p, spec)),
      p.estimate
        ? h("div", { class: `sf-estimate${p.errors.estimate ? " sf-field--error" : ""}` }, [
            h("h2", null, text(p.strings, "forms.estimate.attached")),
            errorLine(p, fieldId(p.type, "estimate"), p.errors.estimate),
            p.estimate.summary
              ? h("p", { class: "sf-estimate-summary" }, p.estimate.summary)
              : h("p", null, text(p.strings, "forms.estimate.code", { code: p.estimate.code })),
          ])
        : null,
      // The honeypot: out of sight and out of the accessibility tree and tab order; people never fill it.
      h("div", { class: "sf-honeypot", "aria-hidden": "true" }, [
        h("label", { for: fieldId(p.type, HONEYPOT_FIELD) }, text(p.strings, "forms.honeypot")),
        h("input", { type: "text", id: fieldId(p.type, HONEYPOT_FIELD), name: HONEYPOT_FIELD, tabindex: -1, autocomplete: "off", value: "" }),
      ]),
      privacyNotice(p),
      h("div", { class: "sf-actions" }, [
        h("button", { type: "submit", class: "sf-button", disabled: p.sending }, text(p.strings, "forms.submit")),
        h("p", { class: "sf-status", role: "status" }, p.sending ? text(p.strings, "forms.sending") : ""),
      ]),
    ],
  );
}
