/**
 * The form island: the same markup as without JavaScript (FormView), plus checks as the reader
 * leaves a field, a JSON submission with an Idempotency-Key, errors beside their fields and in a
 * summary that takes focus, and every answer kept on any failure with a way to retry.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { fields, formAction, HONEYPOT_FIELD, type FormType } from "../../lib/forms/fields.ts";
import { errorMessage, plural, text, type FormLang, type FormStrings } from "../../lib/forms/messages.ts";
import { FormView, type SummaryItem, type Values } from "../../lib/forms/render.ts";
import type { FieldErrorCode } from "../../lib/forms/validate.ts";
import type { DocumentKey, PriceList } from "../../lib/estimate/index.ts";
import type { Slice } from "../../i18n/translator.ts";
import { keepQueryInLanguageLink } from "../../i18n/language-link.ts";

export interface SubmissionFormProps {
  type: FormType;
  lang: FormLang;
  strings: FormStrings;
  serviceLabels: Record<string, string>;
  privacyHref: string;
  confirmationHref: string;
  retentionMonths: number;
  source: string;
  minFillMs: number;
  /** The estimator's price list (inquiry form only), to summarise an attached estimate. */
  priceList?: PriceList;
  /** The words of the estimate's summary (inquiry form only): `pickStrings(lang, "estimate.doc.")` and the totals. */
  estimateStrings?: Slice<DocumentKey>;
}

const ESTIMATE_TEXT = /^[A-Za-z0-9._-]{1,1000}$/;

type Validator = typeof import("../../lib/forms/validate.ts");
let validator: Validator | undefined;
let loadingValidator: Promise<Validator> | undefined;
/**
 * The checks (the forms' zod schemas) load with the reader's first keystroke or first leaving a field, not with
 * the page: the form is there and usable before, and the server checks again anyway.
 */
export function loadValidator(): Promise<Validator> {
  loadingValidator ??= import("../../lib/forms/validate.ts").then((module) => (validator = module));
  return loadingValidator;
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The answers as the form's fields hold them now (hidden fields left out). With `keepEmpty`, an emptied field or an
 * unticked group is there too, as "" or [].
 */
function valuesOnPage(form: HTMLFormElement, type: SubmissionFormProps["type"], { keepEmpty }: { keepEmpty: boolean }): Values {
  const data = new FormData(form);
  const out: Values = {};
  for (const spec of fields[type]) {
    if (spec.kind === "hidden") continue;
    const all = data.getAll(spec.name).filter((v): v is string => typeof v === "string");
    if (spec.kind === "checkboxes") {
      if (all.length > 0 || keepEmpty) out[spec.name] = all;
    } else if (all[0] || keepEmpty) {
      out[spec.name] = all[0] ?? "";
    }
  }
  return out;
}

export default function SubmissionFormIsland(props: SubmissionFormProps) {
  const { type, lang, strings } = props;
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, FieldErrorCode | { message: string }>>({});
  const [summaryFields, setSummaryFields] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [estimate, setEstimate] = useState<{ code: string; summary?: string } | undefined>();
  const [estimateNotice, setEstimateNotice] = useState<string | undefined>();
  const [focusTick, setFocusTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const shownAt = useRef(0);
  // The key stays the same while the answers do, so a retry after a lost answer is stored once.
  const idempotency = useRef<{ key: string; answers: string } | undefined>(undefined);

  useEffect(() => {
    shownAt.current = performance.now();
    // Whatever the reader typed before the island woke up is theirs: take it from the page.
    const form = formRef.current;
    if (form) {
      const typed = valuesOnPage(form, type, { keepEmpty: false });
      if (Object.keys(typed).length > 0) setValues((v) => ({ ...typed, ...v }));
    }
    const query = new URLSearchParams(window.location.search);
    const service = query.get("service");
    if (type === "inquiry" && service && props.serviceLabels[service]) setValues((v) => ({ ...v, services: [service] }));
    const code = query.get("estimate");
    if (type === "inquiry" && code) {
      // The same form in the other language carries the same estimate.
      keepQueryInLanguageLink();
      if (!ESTIMATE_TEXT.test(code)) {
        setEstimateNotice(text(strings, "forms.estimate.invalid"));
      } else {
        // The pricing code is loaded only when an estimate is attached: the form alone stays small.
        const { priceList, estimateStrings } = props;
        void Promise.all([import("../../lib/estimate/index.ts"), import("../../i18n/translator.ts")]).then(([core, i18n]) => {
          const decoded = priceList ? core.decodeEstimate(code, priceList) : undefined;
          if (decoded?.ok && priceList && estimateStrings) {
            const summary = core.summarizeEstimate(core.computeEstimate(priceList, decoded.state), lang, i18n.createTranslator(estimateStrings, lang));
            setEstimate({ code, summary });
            setValues((v) => ({ ...v, services: [...new Set([...((v.services as string[]) ?? []), "videoconference"])] }));
          } else {
            setEstimateNotice(text(strings, "forms.estimate.invalid"));
          }
        });
      }
    }
  }, []);

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const messageOf = (field: string, error: FieldErrorCode | { message: string }) =>
    typeof error === "string" ? errorMessage(strings, type, field, error, lang) : error.message;

  const onInput = (name: string, value: string | string[]) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (!validator) void loadValidator();
    // An error already shown is re-checked as the reader corrects it, so it disappears once fixed.
    if (errors[name] && validator) {
      const code = validator.validateField(type, name, value);
      setErrors((e) => {
        const next = { ...e };
        if (code) next[name] = code;
        else delete next[name];
        return next;
      });
    }
  };

  const onBlur = (name: string) => {
    const value = values[name];
    // Leaving an empty field is not yet an error (the reader may come back); a wrong value is.
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
    void loadValidator().then(({ validateField }) => {
      const code = validateField(type, name, value);
      setErrors((e) => {
        const next = { ...e };
        if (code) next[name] = code;
        else delete next[name];
        return next;
      });
    });
  };

  const answers = (current: Values): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const spec of fields[type]) {
      const value = spec.name === "estimate" ? estimate?.code : current[spec.name];
      if (value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)) out[spec.name] = value;
    }
    return out;
  };

  const showFieldErrors = (list: Array<{ field: string; error: FieldErrorCode | { message: string } }>) => {
    setErrors(Object.fromEntries(list.map((e) => [e.field, e.error])));
    setSummaryFields(list.map((e) => e.field));
    setFocusTick((t) => t + 1);
  };

  const fail = (message: string) => {
    setFormError(message);
    setSending(false);
    setFocusTick((t) => t + 1);
  };

  const submit = async (form: HTMLFormElement | null) => {
    if (sending) return;
    setFormError(undefined);
    // What is on the page is what the reader sees and sends: a value typed while the island was waking up, which no
    // input event reported, is sent and kept like the others.
    const current = form ? { ...values, ...valuesOnPage(form, type, { keepEmpty: true }) } : values;
    setValues(current);
    const body = answers(current);
    const { validateAnswers } = await loadValidator();
    const checked = validateAnswers(type, body);
    if (!checked.ok) {
      showFieldErrors(checked.errors.map((e) => ({ field: e.field, error: e.code })));
      return;
    }
    setErrors({});
    setSummaryFields([]);
    setSending(true);
    // A person who fills the form faster than the minimum (autofill) just waits a moment.
    const wait = props.minFillMs - (performance.now() - shownAt.current);
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const serialised = JSON.stringify(body);
    if (!idempotency.current || idempotency.current.answers !== serialised) idempotency.current = { key: newKey(), answers: serialised };
    const honeypot = (form?.elements.namedItem(HONEYPOT_FIELD) as HTMLInputElement | null)?.value ?? "";
    let response: Response;
    try {
      response = await fetch(formAction[type], {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": idempotency.current.key },
        body: JSON.stringify({ ...body, lang, source: props.source, elapsedMs: Math.round(performance.now() - shownAt.current), ...(honeypot ? { [HONEYPOT_FIELD]: honeypot } : {}) }),
      });
    } catch {
      fail(text(strings, "forms.error.network"));
      return;
    }
    if (response.status === 201) {
      const { reference } = (await response.json()) as { reference: string };
      window.location.assign(`${props.confirmationHref}?${new URLSearchParams({ ref: reference })}`);
      return;
    }
    let payload: { errors?: Array<{ field: string | null; code: string; message: string }> } = {};
    try {
      payload = await response.json();
    } catch {
      // A proxy's HTML error page: the status code says enough.
    }
    if (response.status === 400 && payload.errors?.some((e) => e.field)) {
      setSending(false);
      showFieldErrors(payload.errors.filter((e) => e.field).map((e) => ({ field: e.field as string, error: { message: e.message } })));
      return;
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after") ?? "60");
      fail(plural(strings, "forms.error.rate_limited", Math.max(1, Math.ceil(seconds / 60)), lang));
      return;
    }
    const known: Record<number, string> = { 413: "too_large", 415: "unsupported_media_type", 422: "idempotency_conflict", 503: "unavailable" };
    const code = known[response.status];
    if (response.status === 400 && payload.errors?.[0]?.message) fail(payload.errors[0].message);
    else fail(text(strings, code ? `forms.error.${code}` : "forms.error.unexpected"));
  };

  const summary: SummaryItem[] = summaryFields
    .filter((field) => errors[field])
    .map((field) => ({ field, message: messageOf(field, errors[field]!) }));
  const fieldMessages = Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, messageOf(field, error)]));

  return (
    <div>
      {estimateNotice && <p class="sf-notice">{estimateNotice}</p>}
      <FormView
        type={type}
        lang={lang}
        strings={strings}
        values={values}
        errors={fieldMessages}
        summary={summary}
        {...(formError ? { formError, onRetry: () => void submit(formRef.current) } : {})}
        serviceLabels={props.serviceLabels}
        privacyHref={props.privacyHref}
        retentionMonths={props.retentionMonths}
        source={props.source}
        {...(estimate ? { estimate } : {})}
        sending={sending}
        summaryRef={summaryRef}
        formRef={formRef}
        onInput={onInput}
        onBlur={onBlur}
        onSubmit={(event: Event) => {
          event.preventDefault();
          void submit(event.currentTarget as HTMLFormElement);
        }}
      />
    </div>
  );
}
