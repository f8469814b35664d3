/**
 * The report's bar chart: per priority, the share of incidents met (a bar) and the published target (a line
 * across the bar's slot). Inline SVG in the site's colours; the same figures are in the table that follows, so the
 * chart is one image with a text alternative.
 */
import type { Lang } from "../../i18n/locales.ts";
import { formatPercent } from "../../i18n/format.ts";
import type { Priority, PrioritySummary } from "../../lib/attainment/core.ts";

interface Props {
  lang: Lang;
  label: string;
  targetLabel: string;
  shareLabel: string;
  byPriority: Record<Priority, PrioritySummary>;
}

const W = 640;
const H = 280;
const LEFT = 56;
const RIGHT = 8;
const TOP = 20;
const BOTTOM = 32;
const PLOT = H - TOP - BOTTOM;

const y = (percent: number) => TOP + (1 - percent / 100) * PLOT;
export const percentOf = (share: number) => Math.round(share * 1000) / 10;

export function Chart({ lang, label, targetLabel, shareLabel, byPriority }: Props) {
  const priorities = Object.keys(byPriority).map(Number) as Priority[];
  const slot = (W - LEFT - RIGHT) / priorities.length;
  return (
    <figure class="ar-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} focusable="false">
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line class="ar-grid" x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text class="ar-axis" x={LEFT - 6} y={y(tick) + 4} text-anchor="end">{formatPercent(tick, lang)}</text>
          </g>
        ))}
        {priorities.map((p, i) => {
          const s = byPriority[p];
          const x = LEFT + i * slot;
          const share = s.share === null ? null : percentOf(s.share);
          return (
            <g key={p}>
              {share !== null && (
                <>
                  <rect class={s.attained ? "ar-bar ar-bar-ok" : "ar-bar ar-bar-ko"} x={x + slot * 0.25} width={slot * 0.5} y={y(share)} height={Math.max(0, y(0) - y(share))} />
                  <text class="ar-value" x={x + slot / 2} y={Math.max(TOP - 6, y(share) - 6) + (share > 92 ? 16 : 0)} text-anchor="middle">{formatPercent(share, lang)}</text>
                </>
              )}
              <line class="ar-target" x1={x + slot * 0.1} x2={x + slot * 0.9} y1={y(s.target)} y2={y(s.target)} />
              <text class="ar-axis" x={x + slot / 2} y={H - 10} text-anchor="middle">{`P${p}`}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="ar-legend">
        <span><span class="ar-swatch ar-swatch-bar" aria-hidden="true" />{shareLabel}</span>
        <span><span class="ar-swatch ar-swatch-target" aria-hidden="true" />{targetLabel}</span>
      </figcaption>
    </figure>
  );
}
