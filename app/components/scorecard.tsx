import { Link } from "@remix-run/react";
import { formatDays, formatPercent, onTimeRate, OUTCOME_LABELS, OUTCOMES, type ScorecardFigures } from "~/domain/analytics";


/**
 * An agency's, vendor's or product's own figures: how fast it answers, how often on time, what it answers, and n.
 * Defined as on /analytics (app/domain/analytics.ts); `scope` says whose requests were counted.
 */
export function Scorecard({ id, title, figures, scope, analyticsHref }: { id: string; title: string; figures: ScorecardFigures; scope: string; analyticsHref?: string }) {
  const outcomes = OUTCOMES.filter((o) => (figures.outcomes[o] ?? 0) > 0);
  return (
    <section className="card scorecard" aria-labelledby={id}>
      <div className="card-header">
        <h2 id={id}>{title}</h2>
        {analyticsHref ? <Link to={analyticsHref}>More in analytics</Link> : null}
      </div>
      <p className="muted small">{scope}</p>
      {figures.requests === 0 ? (
        <p className="muted">No requests to count yet.</p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>Requests (n)</dt>
              <dd>{figures.requests}</dd>
            </div>
            <div>
              <dt>Median days to first response</dt>
              <dd>
                {formatDays(figures.medianResponse)}
                {figures.answered > 1 ? (
                  <span className="small muted">
                    {" "}
                    (middle half {formatDays(figures.q1Response)}–{formatDays(figures.q3Response)}, n = {figures.answered})
                  </span>
                ) : (
                  <span className="small muted"> (n = {figures.answered})</span>
                )}
              </dd>
            </div>
            <div>
              <dt>On time</dt>
              <dd>
                {formatPercent(onTimeRate(figures.onTime, figures.late))}
                <span className="small muted">
                  {" "}
                  {figures.onTime + figures.late > 0 ? `(${figures.onTime} of ${figures.onTime + figures.late} due)` : "(nothing due under a fixed period yet)"}
                </span>
              </dd>
            </div>
            <div>
              <dt>Overdue now</dt>
              <dd>{figures.overdueNow}</dd>
            </div>
          </dl>
          <p className="small">
            Outcomes:{" "}
            {outcomes.length ? outcomes.map((o) => `${OUTCOME_LABELS[o]} ${figures.outcomes[o]}`).join(" · ") : "none answered yet"}
          </p>
        </>
      )}
    </section>
  );
}
