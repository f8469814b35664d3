/**
 * The estimate attached to an inquiry, as the estimator computes it (src/lib/estimate through logic.ts):
 * its lines with quantities, the totals, the price list used, and a link that opens it in the estimator.
 * A code that cannot be read is shown as received, with why. Loaded on demand (InboxDetail.tsx), so the
 * inbox does not download the estimator's pricing until a submission carries an estimate.
 */
import { Fragment, type JSX } from "preact";
import type { Lang } from "../../i18n/locales.ts";
import { ESTIMATE_PARAM } from "../../lib/estimate/url.ts";
import type { PriceList } from "../../lib/estimate/types.ts";
import { estimateView } from "./estimate-view.ts";
import type { Translate } from "./strings.ts";

interface Props {
  code: string;
  priceList: PriceList;
  estimatorPath: string;
  lang: Lang;
  t: Translate;
}

export function EstimateSummary({ code, priceList, estimatorPath, lang, t }: Props): JSX.Element {
  const view = estimateView(code, priceList, lang, t);
  const link = <p><a href={`${estimatorPath}?${new URLSearchParams({ [ESTIMATE_PARAM]: code })}`}>{t("inbox.detail.estimateLink")}</a></p>;
  if (!view.ok) {
    return (
      <Fragment>
        <p>{view.message}</p>
        <p><code>{code}</code></p>
        {link}
      </Fragment>
    );
  }
  const { summary } = view;
  return (
    <Fragment>
      {summary.otherVersion && <p>{summary.otherVersion}</p>}
      <div class="table-region" role="region" aria-labelledby="inbox-estimate-caption" tabIndex={0}>
        <table class="inbox-table inbox-estimate">
          <caption id="inbox-estimate-caption">{t("estimate.breakdownCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("estimate.col.service")}</th>
              <th scope="col">{t("estimate.col.quantity")}</th>
              <th scope="col">{t("estimate.col.unitPrice")}</th>
              <th scope="col">{t("estimate.col.monthly")}</th>
              <th scope="col">{t("estimate.col.oneTime")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td>{row.quantity}</td>
                <td>{row.unitPrice} ({row.unit})</td>
                <td>{row.monthly}</td>
                <td>{row.oneTime}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="inbox-facts inbox-estimate-totals">
        {summary.totals.map((total) => (
          <Fragment>
            <dt>{total.label}</dt>
            <dd>{total.amount}</dd>
          </Fragment>
        ))}
      </dl>
      <p>{summary.priceList}</p>
      {link}
    </Fragment>
  );
}
