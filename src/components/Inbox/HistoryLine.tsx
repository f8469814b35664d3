/** One event of a submission's history: when, what and by whom, and the note it carries. */
import { Fragment, type JSX } from "preact";
import type { Lang } from "../../i18n/locales.ts";
import type { HistoryEvent } from "./api.ts";
import { historyText } from "./logic.ts";
import type { Translate } from "./strings.ts";

export function HistoryLine({ event, lang, t }: { event: HistoryEvent; lang: Lang; t: Translate }): JSX.Element {
  const { when, what, note } = historyText(event, lang, t);
  return (
    <Fragment>
      <time dateTime={event.at}>{when}</time> — {what}
      {note && <blockquote class="inbox-note">{note}</blockquote>}
    </Fragment>
  );
}
