import { Form, Link } from "@remix-run/react";
import { FieldErrors } from "~/components/fields";
import { LETTER_LABELS } from "~/domain/mail/labels";
import { requestReference } from "~/domain/request-reference";

export interface BouncedLettersData {
  contact: string | null;
  bounces: Array<{
    id: string;
    address: string;
    reason: string;
    requestId: string;
    requestNumber: number;
    requestOrganizationCode: string;
    requestTitle: string;
    letterKind: string | null;
    letterId: string | null;
    resendable: boolean;
  }>;
}

/**
 * The letters to an agency (or a vendor) that bounced, on its page, and one button that sends them again to
 * its corrected address once someone has fixed it. `contactLabel`: "records email" or "contact email".
 */
export function BouncedLetters({
  bounced,
  canResend,
  contactLabel,
  errors,
}: {
  bounced: BouncedLettersData;
  canResend: boolean;
  contactLabel: string;
  errors?: string[];
}) {
  const resendable = bounced.bounces.filter((b) => b.resendable);
  if (bounced.bounces.length === 0) return null;
  return (
    <section className="card card--danger" aria-labelledby="bounced-heading">
      <h2 id="bounced-heading">Letters that bounced ({bounced.bounces.length})</h2>
      <ul className="bounce-list">
        {bounced.bounces.map((b) => (
          <li key={b.id}>
            <Link to={`/requests/${b.requestId}`}>
              {requestReference({ organizationCode: b.requestOrganizationCode, number: b.requestNumber })} {b.requestTitle}
            </Link>
            : {b.letterKind ? LETTER_LABELS[b.letterKind as keyof typeof LETTER_LABELS] : "a letter"} to <strong>{b.address}</strong> bounced
            <span className="muted small">
              {" "}
              ({b.reason}){b.letterId ? "" : "; no copy of it is on file to resend"}
            </span>
          </li>
        ))}
      </ul>
      {resendable.length > 0 && canResend ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="resend-bounced" />
          {resendable.map((b) => (
            <input key={b.id} type="hidden" name="bounceId" value={b.id} />
          ))}
          <p>
            The {contactLabel} is now <strong>{bounced.contact}</strong>. Resending puts each letter in the outbox again, addressed there, and
            notes it on its request.
          </p>
          <div className="actions">
            <button type="submit" className="button">
              Resend {resendable.length} {resendable.length === 1 ? "letter" : "letters"} to {bounced.contact}
            </button>
          </div>
          <FieldErrors id="resend-error" errors={errors} />
        </Form>
      ) : bounced.contact && bounced.bounces.some((b) => b.address !== bounced.contact) ? (
        <p className="small">
          The {contactLabel} is now <strong>{bounced.contact}</strong>. There is no copy on file to resend (the letter was not sent from
          JointAsk, or its request is closed): write it again from its request's letters page, or set the bounce aside there.
        </p>
      ) : (
        <p className="small">
          {bounced.contact
            ? `Correct the ${contactLabel} (Edit), then resend the letters from here.`
            : `Add the correct ${contactLabel} (Edit), then resend the letters from here.`}
        </p>
      )}
    </section>
  );
}
