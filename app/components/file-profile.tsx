import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { formatNumber } from "~/components/ui/number-text";
import type { SerializeFrom } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { Form, Link, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FIELD_STATES } from "../../db/schema/field-values";
import { FieldErrors } from "~/components/fields";
import { FieldStateBadge } from "~/components/request-fields";
import { CODE_KEY_KIND_LABELS, FIELD_STATE_LABELS, FIELD_STATE_NOTE_HINTS } from "~/domain/field-states";
import { describeCodeListLink, formatShare, type AskCheck } from "~/domain/profiles/ask-check";
import { COLUMN_TYPE_LABELS, type ColumnProfile, type DatasetProfile } from "~/domain/profiles/profile-types";
import type { FileCheck } from "~/domain/profiles/profiles.server";
import { describeInstallment } from "~/domain/timeline";

// The dataset profile of a received file, its check against the ask, and the one-step confirmation of
// what came back. Server data arrives serialized (dates as strings).

type Check = SerializeFrom<FileCheck>;
type Errors = Record<string, string[] | null> | undefined;

const count = (n: number, noun: string) => `${formatNumber(n)} ${noun}${n === 1 ? "" : "s"}`;

/**
 * While the profile is computed, the page asks for its status every two seconds (a small JSON, not the whole
 * page with its preview) and reloads its data when the status changes. Without JavaScript: a refresh link.
 */
export function useProfileProgress(statusUrl: string, profile: { status: string; progress: number } | null) {
  const revalidator = useRevalidator();
  const [live, setLive] = useState(profile);
  const status = profile?.status;
  const progress = profile?.progress;
  // New loader data (after a revalidation) replaces what was polled.
  useEffect(() => setLive(status ? { status, progress: progress ?? 0 } : null), [status, progress]);
  const active = live?.status === "pending" || live?.status === "running";
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(statusUrl, { headers: { Accept: "application/json" } }).catch(() => null);
      if (!response?.ok || stopped) return;
      const next = (await response.json()) as { status: string; progress: number };
      setLive(next);
      if (next.status !== status && revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, statusUrl, status, revalidator]);
  return live;
}

function range(c: SerializeFrom<ColumnProfile>): string {
  if (c.min === null || c.max === null) return "";
  const fmt = (v: number | string) => (typeof v === "number" ? formatNumber(v, { maximumFractionDigits: 4 }) : v);
  return c.min === c.max ? fmt(c.min) : `${fmt(c.min)} – ${fmt(c.max)}`;
}

export function ProfileStatus({ profile: loaded, here }: { profile: Check["profile"]; here: string }) {
  const live = useProfileProgress(`${here}/profile`, loaded ? { status: loaded.status, progress: loaded.progress } : null);
  if (!loaded || !live) return null;
  const profile = { ...loaded, ...live };
  if (profile.status === "pending" || profile.status === "running") {
    const percent = Math.round(profile.progress * 100);
    return (
      <Card aria-labelledby="profile-heading">
        <h2 id="profile-heading">Dataset profile</h2>
        <p aria-live="polite">
          <Badge tone="info">{profile.status === "pending" ? "Queued" : "Profiling"}</Badge>{" "}
          {profile.status === "pending" ? "The profile will start shortly." : `Reading the whole file: ${percent}% done.`}
        </p>
        <progress className="coverage__bar" max={100} value={percent} aria-label="Profile progress" />
        <p className="small muted">
          Rows, columns and what each holds are computed once, in the background, and kept. This page updates by itself;{" "}
          <Link to={here}>refresh</Link> if it doesn't.
        </p>
      </Card>
    );
  }
  if (profile.status === "failed") {
    return (
      <section className="card card--warning" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Dataset profile</h2>
        <p>
          <Badge tone="danger">Failed</Badge> {profile.error ?? "The profile could not be computed."}
        </p>
      </section>
    );
  }
  return null;
}

function ColumnsTable({ table }: { table: SerializeFrom<DatasetProfile["tables"][number]> }) {
  return (
    <div className="table-wrap">
      <table className="data profile-columns">
        <caption className="visually-hidden">Columns{table.source ? ` of sheet ${table.source}` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Empty</th>
            <th scope="col">Distinct</th>
            <th scope="col">Range</th>
            <th scope="col">Most common</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => (
            <tr key={c.name}>
              <th scope="row" className="row-title">
                {c.name}
              </th>
              <td data-label="Type">{COLUMN_TYPE_LABELS[c.type]}</td>
              <td data-label="Empty">{formatShare(c.shareEmpty)}</td>
              <td data-label="Distinct">
                {c.present === 0 ? "–" : `${c.distinctExact ? "" : "≈ "}${formatNumber(c.distinct)}`}
              </td>
              <td data-label="Range">{range(c)}</td>
              <td data-label="Most common" className="small">
                {c.topValues.length
                  ? c.topValues
                      .slice(0, 3)
                      .map((v) => `${v.value}${v.count !== null ? ` (${formatNumber(v.count)})` : ""}`)
                      .join(", ")
                  : c.present > 0 && c.distinct >= c.present * 0.95
                    ? <span className="muted">different on every row</span>
                    : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProfileCard({ profile }: { profile: Check["profile"] }) {
  const result = profile?.result;
  if (!profile || profile.status !== "done" || !result) return null;
  return (
    <Card aria-labelledby="profile-heading">
      <h2 id="profile-heading">Dataset profile</h2>
      {result.tables.map((t) => (
        <div key={t.source ?? ""} className="sheet">
          {t.source ? <h3>Sheet “{t.source}”</h3> : null}
          <dl className="stats">
            <div>
              <dt>Rows</dt>
              <dd>{formatNumber(t.rows)}</dd>
            </div>
            <div>
              <dt>Columns</dt>
              <dd>{t.columns.length}</dd>
            </div>
          </dl>
          {t.columns.length ? <ColumnsTable table={t} /> : <p className="muted">No columns.</p>}
        </div>
      ))}
      {result.skipped.map((s) => (
        <p key={s.source} className="muted small">
          Sheet “{s.source}” was not profiled: {s.reason}.
        </p>
      ))}
      <p className="muted small">
        Computed by {result.engine} in {result.seconds} s. Distinct counts marked ≈ are estimates (within a few percent); value shapes are judged from the first{" "}
        {formatNumber(result.tables[0]?.sampledRows ?? 0)} rows.
      </p>
    </Card>
  );
}

export function AskCheckCard({ check, ask, requestId }: { check: SerializeFrom<AskCheck> | null; ask: Check["ask"]; requestId: string }) {
  if (!check) return null;
  const { period, detail, flags, notes, codeLists, codeList, describes } = check;
  return (
    <Card aria-labelledby="check-heading">
      <h2 id="check-heading">Checked against the ask</h2>
      <dl className="summary-list">
        <dt>Period</dt>
        <dd>
          {period.covered ? (
            <>
              Covers <DateText date={period.covered.from} as="full" /> to <DateText date={period.covered.to} as="full" />
              {period.dateColumn ? <span className="muted small"> (from “{period.dateColumn}”)</span> : null}
            </>
          ) : (
            <span className="muted">No date column found.</span>
          )}
          {period.asked ? (
            <div>
              {period.complete === false ? (
                <>
                  <Badge tone="partial">Months missing</Badge> Asked: <DateText date={period.asked.from} as="full" /> to <DateText date={period.asked.to} as="full" />. Missing: <strong>{period.missingText}</strong> (
                  {count(period.missingMonths.length, "month")}).
                </>
              ) : period.complete ? (
                <>
                  <Badge tone="success">Every month</Badge> of <DateText date={period.asked.from} as="full" /> to <DateText date={period.asked.to} as="full" /> has rows.
                </>
              ) : null}
            </div>
          ) : (
            <div className="muted small">
              The ask has no period; <Link to={`/requests/${requestId}#fields`}>add one</Link> to check it.
            </div>
          )}
        </dd>
        <dt>Detail</dt>
        <dd>
          {detail.level === "record_level" ? "Record-level" : detail.level === "aggregate" ? "Counts only" : "Not clear"}
          {detail.mismatch ? (
            <>
              {" "}
              <Badge tone="danger">Record-level was asked</Badge>
            </>
          ) : null}
          <div className="muted small">{detail.evidence}</div>
        </dd>
        <dt>De-identification</dt>
        <dd>
          {flags.length ? (
            <ul className="flag-list">
              {flags.map((f) => (
                <li key={`${f.source}:${f.column}:${f.kind}`}>
                  <Badge tone="danger">Flag</Badge> {f.message}
                  {f.source ? <span className="muted small"> (sheet “{f.source}”)</span> : null}
                </li>
              ))}
            </ul>
          ) : ask.deidentify ? (
            <span>No names, street addresses or identifying officer ids found.</span>
          ) : (
            <span className="muted">De-identified data was not asked for; officer ids are still checked when a hashed id was asked.</span>
          )}
          {notes.map((n) => (
            <div key={n} className="muted small">
              {n}
            </div>
          ))}
        </dd>
        {codeLists.length || codeList ? <dt>Code lists</dt> : null}
        {codeLists.length ? (
          <dd>
            <ul className="plain-list">
              {codeLists.map((l) => (
                <li key={`${l.source}:${l.column}`}>
                  <strong>{describeCodeListLink(l)}</strong>{" "}
                  <span className="muted small">
                    (<Link to={`/requests/${requestId}/files/${l.listFileId}`}>{l.listFileName}</Link>
                    {l.missingCodes.length ? `; not in the list: ${l.missingCodes.map((m) => `${m.code} (${m.count})`).join(", ")}` : ""})
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        ) : null}
        {codeList ? (
          <dd>
            This file looks like a code list: {count(codeList.size, "code")} in “{codeList.codeColumn}” described in “{codeList.descriptionColumn}”.
            {describes.length ? (
              <ul className="plain-list">
                {describes.map((d) => (
                  <li key={`${d.dataFileId}:${d.column}`}>
                    Describes <strong>{describeCodeListLink(d)}</strong> in <Link to={`/requests/${requestId}/files/${d.dataFileId}`}>{d.dataFileName}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="muted small">No column of the other files received uses these codes yet.</div>
            )}
          </dd>
        ) : null}
      </dl>
    </Card>
  );
}

/**
 * The proposed states of the fields and code keys, confirmed in one step: one timeline entry lists every
 * change. A proposal with a reason fills the note (what is missing).
 */
export function ConfirmReceived({ data, requestId, fileId, errors, formError }: { data: Check; requestId: string; fileId: string; errors: Errors; formError?: string[] }) {
  const { fields, codeKeys, fieldProposals, codeKeyProposals } = data;
  if (fields.length === 0 && codeKeys.length === 0) {
    return (
      <Card aria-labelledby="match-heading">
        <h2 id="match-heading">Fields in this file</h2>
        <p>
          This request doesn't list the fields asked yet. <Link to={`/requests/${requestId}#fields`}>Choose them on the request page</Link>, then come back to match this
          file's columns.
        </p>
      </Card>
    );
  }
  const found = fieldProposals.filter((p) => p.column).length;
  const rows = [
    ...fieldProposals.map((p, i) => {
      const f = fields.find((x) => x.id === p.id)!;
      return { list: "fields" as const, i, p, label: f.label, sub: f.recordTypeName, note: f.stateNote };
    }),
    ...codeKeyProposals.map((p, i) => {
      const k = codeKeys.find((x) => x.id === p.id)!;
      return { list: "codeKeys" as const, i, p, label: k.label, sub: `${CODE_KEY_KIND_LABELS[k.kind]}${k.columnName ? ` for “${k.columnName}”` : ""}`, note: k.stateNote };
    }),
  ];
  return (
    <Card aria-labelledby="match-heading">
      <h2 id="match-heading">Fields in this file</h2>
      <p>
        {found} of {fields.length} fields asked were found among this file's columns. Check what is proposed and confirm: the changes go on the timeline as one entry. A
        state is credited to this file only for what the file holds.
      </p>
      <Form method="post" className="form form--wide" aria-describedby={formError?.length ? "confirm-error" : undefined}>
        {formError?.length ? (
          <div id="confirm-error" className="form-error" role="alert">
            {formError.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        ) : null}
        <input type="hidden" name="intent" value="update-states" />
        <input type="hidden" name="fileId" value={fileId} />
        <div className="table-wrap">
          <table className="data field-states confirm-states">
            <caption className="visually-hidden">Proposed states of the fields asked and code keys</caption>
            <thead>
              <tr>
                <th scope="col">Asked</th>
                <th scope="col">In this file</th>
                <th scope="col">Now</th>
                <th scope="col">Record as</th>
                <th scope="col">Note, exemption or reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ list, i, p, label, sub, note }) => {
                const name = `${list}[${i}]`;
                const noteErrors = errors?.[`${name}.note`] ?? undefined;
                const noteValue = p.proposed !== p.current && p.reason ? p.reason : (note ?? "");
                return (
                  <tr key={`${list}:${p.id}`}>
                    <td>
                      <span className="row-title">{label}</span>
                      <div className="muted small">{sub}</div>
                      <input type="hidden" name={`${name}.id`} value={p.id} />
                    </td>
                    <td data-label="In this file">
                      {p.column ? (
                        <>
                          “{p.column}”{p.source ? <span className="muted small"> in {p.source}</span> : null}
                          {p.sharePresent !== null ? <div className="muted small">in {formatShare(p.sharePresent)} of rows</div> : null}
                          {p.similar ? <div className="muted small">similar name</div> : null}
                        </>
                      ) : (
                        <span className="muted">Not in this file</span>
                      )}
                    </td>
                    <td data-label="Now">
                      <FieldStateBadge state={p.current} />
                    </td>
                    <td data-label="Record as">
                      <select name={`${name}.state`} defaultValue={p.proposed} aria-label={`Record ${label} as`}>
                        {FIELD_STATES.map((s) => (
                          <option key={s} value={s}>
                            {FIELD_STATE_LABELS[s]}
                          </option>
                        ))}
                      </select>
                      {p.proposed !== p.current ? <div className="small">Proposed</div> : null}
                    </td>
                    <td data-label="Note">
                      <textarea
                        rows={2}
                        name={`${name}.note`}
                        defaultValue={noteValue}
                        aria-label={`Note for ${label}`}
                        aria-invalid={noteErrors?.length ? true : undefined}
                        aria-describedby={noteErrors?.length ? `${name}-note-error` : undefined}
                        placeholder={FIELD_STATE_NOTE_HINTS[p.proposed] ?? "What is missing, the exemption cited…"}
                      />
                      <FieldErrors id={`${name}-note-error`} errors={noteErrors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Confirm what came back
          </button>
        </div>
      </Form>
    </Card>
  );
}

export function InstallmentForm({ installment, errors }: { installment: Check["installment"]; errors: Errors }) {
  const now = installment ? describeInstallment(installment) : null;
  const err = (k: string) => errors?.[k] ?? undefined;
  return (
    <Card aria-labelledby="installment-heading">
      <h2 id="installment-heading">Installment</h2>
      <p>{now ? <>This file is {now}.</> : "Agencies often send data in parts. Mark which part this file is, or that it is the last."}</p>
      <Form method="post" className="form form--inline">
        <input type="hidden" name="intent" value="set-installment" />
        <div className="field">
          <label htmlFor="installment-number">Installment</label>
          <input id="installment-number" name="number" type="number" min={1} max={999} inputMode="numeric" defaultValue={installment?.number ?? ""} aria-invalid={err("number") ? true : undefined} aria-describedby={err("number") ? "installment-number-error" : undefined} />
          <FieldErrors id="installment-number-error" errors={err("number")} />
        </div>
        <div className="field">
          <label htmlFor="installment-total">of</label>
          <input id="installment-total" name="total" type="number" min={1} max={999} inputMode="numeric" defaultValue={installment?.total ?? ""} aria-invalid={err("total") ? true : undefined} aria-describedby={err("total") ? "installment-total-error" : undefined} />
          <FieldErrors id="installment-total-error" errors={err("total")} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="final" defaultChecked={installment?.final ?? false} /> The final installment
        </label>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Save
          </button>
        </div>
      </Form>
    </Card>
  );
}
