import type { ExplainedReference } from "~/domain/deadlines/explain";
import { Badge } from "~/components/ui/badge";

interface SourceView {
  cite: string;
  url: string;
  primary: boolean;
}

/** A citation that links to where it was read, marked primary (statute, regulation, official calendar) or secondary. */
export function SourceCitation({ source }: { source: SourceView | null }) {
  if (!source) return <span className="muted">No source</span>;
  return (
    <span className="source-cite">
      <a href={source.url} rel="noopener noreferrer">
        {source.cite}
      </a>{" "}
      {source.primary ? (
        <Badge tone="success">Primary source</Badge>
      ) : (
        <Badge tone="waiting">Secondary source</Badge>
      )}
    </span>
  );
}

export function LawFactsList({ reference }: { reference: ExplainedReference }) {
  return (
    <dl className="summary-list law-facts">
      {reference.facts.map((fact, index) => (
        <div key={`${fact.label}-${index}`} className="law-facts__row">
          <dt>{fact.label}</dt>
          <dd>
            {fact.value}
            <div className="small">
              <SourceCitation source={fact.source} />
            </div>
            {fact.note ? (
              <p className="small muted law-facts__note">{fact.note}</p>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function UnverifiedList({ items }: { items: readonly string[] }) {
  if (items.length === 0)
    return (
      <p className="small">
        Every fact on this page was read in a primary source.
      </p>
    );
  return (
    <ul className="unverified-list">
      {items.map((item) => (
        <li key={item}>
          <Badge tone="waiting">Unverified</Badge> {item}
        </li>
      ))}
    </ul>
  );
}

export function OfficeCalendarView({
  reference,
}: {
  reference: ExplainedReference;
}) {
  const { calendar } = reference;
  return (
    <>
      <p className="small">
        {calendar.basis.text} <SourceCitation source={calendar.basis.source} />
      </p>
      <p className="small">
        {calendar.weekend.text}{" "}
        <SourceCitation source={calendar.weekend.source} />
      </p>
      <div className="grid-2">
        {calendar.years.map(({ year, days }) => (
          <div key={year} className="table-wrap">
            <table className="data office-calendar">
              <caption>
                {year}: {days.filter((d) => d.weekday).length} weekdays closed
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Closed for</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => (
                  <tr
                    key={day.date}
                    className={
                      day.weekday ? undefined : "office-calendar__weekend"
                    }
                  >
                    <td className="nowrap">{day.label}</td>
                    <td>
                      {day.name}
                      {day.weekday ? null : (
                        <span className="small muted">
                          {" "}
                          (falls on a weekend)
                        </span>
                      )}
                      {day.note ? (
                        <div className="small muted">{day.note}</div>
                      ) : null}
                    </td>
                    <td className="small">
                      <SourceCitation source={day.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
      {calendar.countyOnly.length > 0 ? (
        <>
          <h3>Only in some counties</h3>
          <p className="small muted">
            Not closed statewide: these count only for agencies in the places
            listed (set a city's county on its page).
          </p>
          <ul>
            {calendar.countyOnly.map((day) => (
              <li key={`${day.name}-${day.places}`}>
                {day.name} ({day.rule}): {day.places}.{" "}
                <SourceCitation source={day.source} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
