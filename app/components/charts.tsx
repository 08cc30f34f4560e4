import { max } from "d3-array";
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line, stack } from "d3-shape";
import type { ReactNode } from "react";

// Charts drawn on the server as SVG with d3 scales and shape generators (no chart script in the browser, so the
// CSP stays closed). Each is a <figure> with role="img" and an aria-label saying what it shows, axis titles with
// their units and n; the page puts the same numbers in a table beside it. Rows put their label above the bar so a
// chart stays readable when the SVG is scaled down to a phone's width.

const WIDTH = 340;
const MARGIN = { top: 24, right: 44, bottom: 34, left: 8 };
const ROW = 38;

function Figure({ label, caption, height, children }: { label: string; caption: ReactNode; height: number; children: ReactNode }) {
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
        {children}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The value axis: tick labels along the top, grid lines, and its title (with the unit) at the bottom. */
function ValueAxis({ scale, height, title, format = String, integer = false }: { scale: ReturnType<typeof scaleLinear<number, number>>; height: number; title: string; format?: (v: number) => string; integer?: boolean }) {
  // Counts get whole-number ticks only (no "0.5 requests").
  const ticks = integer ? scale.ticks(Math.min(5, Math.max(1, scale.domain()[1]!))).filter(Number.isInteger) : scale.ticks(5);
  return (
    <g aria-hidden="true">
      <g className="chart__grid">
        {ticks.map((t) => (
          <line key={t} x1={scale(t)} x2={scale(t)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
        ))}
      </g>
      <g className="chart__axis">
        {ticks.map((t) => (
          <text key={t} x={scale(t)} y={MARGIN.top - 8} textAnchor="middle">
            {format(t)}
          </text>
        ))}
      </g>
      <text className="chart__title-axis" x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={height - 8} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

export interface BoxRow {
  key: string;
  label: string;
  n: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
  /** The statutory period on the same axis (calendar days, approximate), if any. */
  period?: number | null;
}

/** Median and quartiles per group (a box from Q1 to Q3, a line at the median), the statutory period dashed. */
export function BoxChart({ rows, label, axisTitle, caption }: { rows: BoxRow[]; label: string; axisTitle: string; caption: ReactNode }) {
  const shown = rows.filter((r) => r.median !== null);
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, shown.length) * ROW;
  const top = max(shown, (r) => Math.max(r.q3 ?? 0, r.period ?? 0)) ?? 0;
  const x = scaleLinear()
    .domain([0, Math.max(1, top)])
    .nice()
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand()
    .domain(shown.map((r) => r.key))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.1);
  return (
    <Figure label={label} caption={caption} height={height}>
      <ValueAxis scale={x} height={height} title={axisTitle} />
      {shown.map((r) => {
        const band = y(r.key)!;
        const barY = band + 16;
        const barH = y.bandwidth() - 18;
        return (
          <g key={r.key}>
            <text className="chart__label" x={MARGIN.left} y={band + 11}>
              {r.label} (n = {r.n})
            </text>
            <rect className="chart__box" x={x(r.q1!)} y={barY} width={Math.max(1, x(r.q3!) - x(r.q1!))} height={barH} />
            <line className="chart__median" x1={x(r.median!)} x2={x(r.median!)} y1={barY} y2={barY + barH} />
            <text className="chart__value" x={Math.min(x(r.q3!) + 4, WIDTH - MARGIN.right + 2)} y={barY + barH - 2}>
              {Math.round(r.median! * 10) / 10}
            </text>
            {r.period ? <line className="chart__period" x1={x(r.period)} x2={x(r.period)} y1={barY - 3} y2={barY + barH + 3} /> : null}
          </g>
        );
      })}
    </Figure>
  );
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** Text at the end of the bar (e.g. "3 of 5"). */
  note?: string;
}

/** One horizontal bar per row. */
export function BarChart({ rows, label, axisTitle, caption, format, domainMax, tone = "chart__bar" }: { rows: BarRow[]; label: string; axisTitle: string; caption: ReactNode; format?: (v: number) => string; domainMax?: number; tone?: string }) {
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, rows.length) * ROW;
  const x = scaleLinear()
    .domain([0, domainMax ?? Math.max(1, max(rows, (r) => r.value) ?? 0)])
    .nice()
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand()
    .domain(rows.map((r) => r.key))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.1);
  return (
    <Figure label={label} caption={caption} height={height}>
      <ValueAxis scale={x} height={height} title={axisTitle} format={format} integer={!format} />
      {rows.map((r) => {
        const band = y(r.key)!;
        const barY = band + 16;
        const barH = y.bandwidth() - 18;
        return (
          <g key={r.key}>
            <text className="chart__label" x={MARGIN.left} y={band + 11}>
              {r.label}
            </text>
            <rect className={tone} x={x(0)} y={barY} width={Math.max(0, x(r.value) - x(0))} height={barH} />
            <text className="chart__value" x={x(r.value) + 4} y={barY + barH - 2}>
              {r.note ?? (format ? format(r.value) : r.value)}
            </text>
          </g>
        );
      })}
    </Figure>
  );
}

export interface SplitRow {
  key: string;
  label: string;
  good: number;
  bad: number;
}

/** Two stacked segments per row (on time, late), stacked with d3-shape's stack. */
export function SplitBarChart({ rows, label, axisTitle, caption, goodLabel, badLabel }: { rows: SplitRow[]; label: string; axisTitle: string; caption: ReactNode; goodLabel: string; badLabel: string }) {
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, rows.length) * ROW;
  const series = stack<SplitRow, "good" | "bad">().keys(["good", "bad"])(rows);
  const x = scaleLinear()
    .domain([0, Math.max(1, max(rows, (r) => r.good + r.bad) ?? 0)])
    .nice()
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand()
    .domain(rows.map((r) => r.key))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.1);
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--good" />
          {goodLabel}
        </li>
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--bad" />
          {badLabel}
        </li>
      </ul>
      <Figure label={label} caption={caption} height={height}>
        <ValueAxis scale={x} height={height} title={axisTitle} integer />
        {rows.map((r, i) => {
          const band = y(r.key)!;
          const barY = band + 16;
          const barH = y.bandwidth() - 18;
          return (
            <g key={r.key}>
              <text className="chart__label" x={MARGIN.left} y={band + 11}>
                {r.label}
              </text>
              {series.map((s) => {
                const [from, to] = s[i]!;
                return <rect key={s.key} className={s.key === "good" ? "chart__bar" : "chart__bar chart__bar--late"} x={x(from)} y={barY} width={Math.max(0, x(to) - x(from))} height={barH} />;
              })}
              <text className="chart__value" x={x(r.good + r.bad) + 4} y={barY + barH - 2}>
                {r.good}/{r.good + r.bad}
              </text>
            </g>
          );
        })}
      </Figure>
    </>
  );
}

export interface PointRow {
  key: string;
  label: string;
  value: number | null;
}

/** A line over time (one point per month), 0–100 %. */
export function LineChart({ rows, label, axisTitle, xTitle, caption }: { rows: PointRow[]; label: string; axisTitle: string; xTitle: string; caption: ReactNode }) {
  const height = 240;
  const margin = { top: 16, right: 16, bottom: 52, left: 44 };
  const x = scalePoint()
    .domain(rows.map((r) => r.key))
    .range([margin.left, WIDTH - margin.right])
    .padding(0.5);
  const y = scaleLinear().domain([0, 100]).range([height - margin.bottom, margin.top]);
  const points = rows.filter((r) => r.value !== null) as (PointRow & { value: number })[];
  const path = line<PointRow & { value: number }>()
    .x((r) => x(r.key)!)
    .y((r) => y(r.value * 100))(points);
  const every = Math.max(1, Math.ceil(rows.length / 6));
  return (
    <Figure label={label} caption={caption} height={height}>
      <g aria-hidden="true">
        <g className="chart__grid">
          {y.ticks(5).map((t) => (
            <line key={t} x1={margin.left} x2={WIDTH - margin.right} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        <g className="chart__axis">
          {y.ticks(5).map((t) => (
            <text key={t} x={margin.left - 6} y={y(t) + 4} textAnchor="end">
              {t}%
            </text>
          ))}
          {rows.map((r, i) =>
            i % every === 0 || i === rows.length - 1 ? (
              <text key={r.key} x={x(r.key)} y={height - margin.bottom + 16} textAnchor="middle">
                {r.label}
              </text>
            ) : null,
          )}
        </g>
        <text className="chart__title-axis" x={(margin.left + WIDTH - margin.right) / 2} y={height - 8} textAnchor="middle">
          {xTitle}
        </text>
        <text className="chart__title-axis" transform={`translate(12 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {axisTitle}
        </text>
      </g>
      {path ? <path className="chart__line" d={path} /> : null}
      {points.map((r) => (
        <circle key={r.key} className="chart__dot" cx={x(r.key)} cy={y(r.value * 100)} r={3.5} />
      ))}
    </Figure>
  );
}
