import { Link } from "@remix-run/react";
import type { MapCategory, MapData } from "~/domain/us-map";

interface UsMapProps<C extends string> {
  map: MapData<C>;
  categories: Array<MapCategory<C>>;
  /** "agency" / "agencies", "request" / "requests". */
  noun: [string, string];
  /** What the colours mean, e.g. "kind of system". */
  colouredBy: string;
  /** Where a state's link goes (the page's list filtered to it). */
  stateHref: (code: string) => string;
  currentState: string | null;
  clearHref: string;
  id: string;
}

/** One agency: 7 units; a cell of several grows with the fourth root of their number (16 agencies: 14), up to 16. */
const dotRadius = (agencies: number) => Math.min(16, 7 * agencies ** 0.25);

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/**
 * The US map, rendered on the server as SVG (no script, no tiles): a dot per located agency in its category's
 * colour, states shaded by the agencies there without a location, each state a link that filters the page's
 * list. Beside it, the legend and a table of the counts per state, which is what a screen reader reads.
 */
export function UsMap<C extends string>({ map, categories, noun, colouredBy, stateHref, currentState, clearHref, id }: UsMapProps<C>) {
  const present = categories.filter((c) => map.dots.some((d) => d.category === c.key) || map.states.some((s) => (s.byCategory[c.key] ?? 0) > 0) || (map.unmapped[c.key] ?? 0) > 0);
  const colourOf = new Map(categories.map((c) => [c.key, c.colour]));
  const withAgencies = map.states.filter((s) => s.total > 0);
  const total = withAgencies.reduce((n, s) => n + s.total, 0);
  const unmapped = Object.values<number | undefined>(map.unmapped).reduce<number>((n, v) => n + (v ?? 0), 0);
  const shaded = withAgencies.some((s) => s.unlocated > 0);
  const placed = map.dots.reduce((n, d) => n + d.count, 0);
  const titleOf = (s: (typeof map.states)[number]) =>
    `${s.name}: ${s.total ? count(s.total, noun) : `no ${noun[1]}`}${s.unlocated && s.unlocated !== s.total ? ` (${s.unlocated} without a location)` : ""}`;
  const summary =
    total === 0
      ? `Map of the United States: no ${noun[1]} to show.`
      : `Map of the United States: ${count(total, noun)} in ${withAgencies.length} ${withAgencies.length === 1 ? "state" : "states"}, ${placed} placed at their location. ` +
        withAgencies.map((s) => `${s.name} ${s.total}`).join(", ") +
        ". The table after the map lists them by state.";
  return (
    <div className="us-map">
      <figure className="us-map__figure">
        <div className="us-map__canvas">
          <svg viewBox={`0 0 ${map.width} ${map.height}`} className="us-map__svg" role="img" aria-label={summary}>
            {/* The outlines come from one cached file (map.shapes), each state a <use> styled by its shade. */}
            <g className="us-map__states">
              {map.states.map((s) => (
                <use key={s.code} href={`${map.shapes}#${s.code}`} className={`us-map__state us-map__state--shade-${s.shade}${s.code === currentState ? " us-map__state--current" : ""}`}>
                  <title>{titleOf(s)}</title>
                </use>
              ))}
            </g>
            <use href={`${map.shapes}#borders`} className="us-map__borders" />
          </svg>
          {/* The states as links for the pointer and the dots with their names, laid over the picture (an image may
              not hold links). Keyboard and screen reader users have the same links in the table beside the map. */}
          <svg viewBox={`0 0 ${map.width} ${map.height}`} className="us-map__links" aria-hidden="true" focusable="false">
            {withAgencies.map((s) => (
              <a key={s.code} href={stateHref(s.code)} tabIndex={-1}>
                <title>{titleOf(s)}</title>
                <use href={`${map.shapes}#${s.code}`} className="us-map__hit" />
              </a>
            ))}
            <g className="us-map__dots">
              {map.dots.map((d, i) => (
                <circle key={i} cx={d.x} cy={d.y} r={dotRadius(d.count)} className={`us-map__dot us-map__c${colourOf.get(d.category) ?? 9}`}>
                  <title>{d.label}</title>
                </circle>
              ))}
            </g>
          </svg>
        </div>
        <figcaption>
          <ul className="us-map__legend" aria-label={`Legend: colour by ${colouredBy}`}>
            {present.map((c) => (
              <li key={c.key}>
                <svg viewBox="0 0 10 10" className="us-map__swatch" aria-hidden="true">
                  <circle cx={5} cy={5} r={4} className={`us-map__dot us-map__c${c.colour}`} />
                </svg>
                {c.label}
              </li>
            ))}
            {shaded ? (
              <li>
                <svg viewBox="0 0 10 10" className="us-map__swatch" aria-hidden="true">
                  <rect width={10} height={10} className="us-map__state us-map__state--shade-2" />
                </svg>
                Shaded state: {noun[1]} there without a known location (darker is more)
              </li>
            ) : null}
          </ul>
          {unmapped ? <p className="muted small">{count(unmapped, noun)} not on the map (no state or a territory the map does not draw).</p> : null}
        </figcaption>
      </figure>
      {withAgencies.length ? (
        <div className="table-wrap us-map__table">
          <table className="data" id={id}>
            <caption className="table-caption">
              {noun[1][0]!.toUpperCase() + noun[1].slice(1)} by state
              {currentState ? (
                <>
                  {" "}
                  · <Link to={clearHref} preventScrollReset>Show every state</Link>
                </>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  All
                </th>
                {present.map((c) => (
                  <th scope="col" className="num" key={c.key}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {withAgencies.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    {s.code === currentState ? (
                      <strong aria-current="true">{s.name}</strong>
                    ) : (
                      <Link to={stateHref(s.code)} preventScrollReset>
                        {s.name}
                        <span className="visually-hidden">: show only its {noun[1]}</span>
                      </Link>
                    )}
                  </th>
                  <td className="num" data-label="All">
                    {s.total}
                  </td>
                  {present.map((c) => (
                    <td className="num" key={c.key} data-label={c.label}>
                      {s.byCategory[c.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
