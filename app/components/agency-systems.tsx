import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { Link } from "@remix-run/react";
import { DateText } from "~/components/date-text";
import type { SystemConfidence, SystemType } from "../../db/schema/values";
import { DOCUMENT_ACCEPT } from "~/domain/system-documents";
import { CONFIDENCE_LABELS, SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { useCan } from "~/utils/use-permission";
import { FieldErrors } from "./fields";

export function DocumentField({ errors }: { errors?: string[] }) {
  return (
    <div className="field">
      <label htmlFor="system-document">Evidence document (optional)</label>
      <span id="system-document-hint" className="field__hint">
        A council agenda, contract or purchase order: PDF, image, Word, Excel, text or CSV, up to 10 MB.
      </span>
      <input
        id="system-document"
        type="file"
        name="document"
        accept={DOCUMENT_ACCEPT}
        aria-describedby={`system-document-hint${errors?.length ? " system-document-error" : ""}`}
        aria-invalid={errors?.length ? true : undefined}
      />
      <FieldErrors id="system-document-error" errors={errors} />
    </div>
  );
}

interface SystemItem {
  id: string;
  systemType: SystemType;
  productId: string | null;
  productName: string | null;
  vendorId: string | null;
  vendorName: string | null;
  hostAgencyId: string | null;
  hostAgencyName: string | null;
  sinceOn: string | null;
  untilOn: string | null;
  confidence: SystemConfidence;
  evidenceUrl: string | null;
  notes: string | null;
  addedByName: string | null;
  current: boolean;
  viaProducts: Array<{ productId: string; productName: string; vendorId: string; vendorName: string; viaName: string }>;
  documents: Array<{ id: string; fileName: string }>;
}

interface HostedItem {
  systemId: string;
  agencyId: string;
  agencyName: string;
  jurisdictionName: string;
  systemType: SystemType;
  current: boolean;
}

function Period({ sinceOn, untilOn, today }: { sinceOn: string | null; untilOn: string | null; today: string }) {
  if (!sinceOn && !untilOn) return null;
  return (
    <span className="muted small">
      {" "}
      · {sinceOn ? (
        <>
          since <DateText date={sinceOn} today={today} />
        </>
      ) : null}
      {sinceOn && untilOn ? ", " : ""}
      {untilOn ? (
        <>
          until <DateText date={untilOn} today={today} />
        </>
      ) : null}
    </span>
  );
}

/** The systems card of an agency page: what it runs, what it gets from a host, what it hosts for others. */
export function AgencySystemsCard({
  agencyId,
  systems,
  hostedFor,
  today,
  editable = true,
}: {
  agencyId: string;
  systems: SystemItem[];
  hostedFor: HostedItem[];
  today: string;
  /** False on a coalition partner's agency: its systems are shown, changed only by its organization. */
  editable?: boolean;
}) {
  const canManage = useCan("vendor.manage") && editable;
  return (
    <Card aria-labelledby="systems-heading">
      <div className="card-header">
        <h2 id="systems-heading">Systems</h2>
        {canManage ? (
          <Link to={`/agencies/${agencyId}/systems/new`} className="button button--secondary">
            Add system
          </Link>
        ) : null}
      </div>
      {systems.length ? (
        <ul className="system-list">
          {systems.map((s) => (
            <li key={s.id} className={s.current ? undefined : "system-list__past"}>
              <div>
                <strong>{SYSTEM_TYPE_LABELS[s.systemType]}</strong>
                {s.current ? null : <Badge tone="muted">Past</Badge>}
              </div>
              <div>
                {s.productId ? (
                  <>
                    <Link to={`/products/${s.productId}`}>{s.productName}</Link> by <Link to={`/vendors/${s.vendorId}`}>{s.vendorName}</Link>
                  </>
                ) : (
                  <>
                    Hosted by <Link to={`/agencies/${s.hostAgencyId}`}>{s.hostAgencyName}</Link>
                    {s.viaProducts.length ? (
                      <>
                        {": "}
                        {s.viaProducts.map((p, i) => (
                          <span key={p.productId}>
                            {i > 0 ? ", " : ""}
                            <Link to={`/products/${p.productId}`}>{p.productName}</Link> by <Link to={`/vendors/${p.vendorId}`}>{p.vendorName}</Link>
                            {p.viaName !== s.hostAgencyName ? <span className="muted small"> (run by {p.viaName})</span> : null}
                          </span>
                        ))}
                      </>
                    ) : (
                      <span className="muted"> (product not recorded yet)</span>
                    )}
                  </>
                )}
                <Period sinceOn={s.sinceOn} untilOn={s.untilOn} today={today} />
              </div>
              <div className="muted small">
                {CONFIDENCE_LABELS[s.confidence]}
                {s.evidenceUrl ? (
                  <>
                    {" · "}
                    <a href={s.evidenceUrl} rel="noreferrer noopener" target="_blank">
                      Evidence<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </>
                ) : null}
                {s.documents.map((d) => (
                  <span key={d.id}>
                    {" · "}
                    <a href={`/systems/${s.id}/documents/${d.id}`}>{d.fileName}</a>
                  </span>
                ))}
                {s.addedByName ? ` · added by ${s.addedByName}` : ""}
                {canManage ? (
                  <>
                    {" · "}
                    <Link to={`/systems/${s.id}/edit`}>
                      Edit<span className="visually-hidden"> {SYSTEM_TYPE_LABELS[s.systemType]}</span>
                    </Link>
                  </>
                ) : null}
              </div>
              {s.notes ? <p className="prose small">{s.notes}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No systems recorded. Which records, dispatch or camera systems does this agency use?</p>
      )}
      {hostedFor.length ? (
        <>
          <h3>Hosts systems for</h3>
          <ul className="plain-list">
            {hostedFor.map((h) => (
              <li key={h.systemId}>
                <Link to={`/agencies/${h.agencyId}`}>{h.agencyName}</Link> <span className="muted small">({h.jurisdictionName})</span>:{" "}
                {SYSTEM_TYPE_LABELS[h.systemType]}
                {h.current ? null : <span className="muted small"> (past)</span>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
