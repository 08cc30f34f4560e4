import type { Conflict } from "~/domain/results";

/** What an action answers when someone else saved first: its form's reply, and the two versions. */
export function conflictOf(data: unknown): Conflict | null {
  const conflict = (data as { conflict?: Conflict } | null | undefined)?.conflict;
  return conflict && Array.isArray(conflict.values) ? conflict : null;
}

/**
 * The two versions side by side after a refused save: what is saved now (someone else's change) and what
 * this form holds (still in the fields). The form now carries the saved version, so saving again keeps yours.
 */
export function EditConflict({ conflict }: { conflict: Conflict | null }) {
  if (!conflict) return null;
  return (
    <section className="notice card--warning" aria-labelledby="edit-conflict-heading" role="alert">
      <h2 id="edit-conflict-heading" className="notice__title">Someone else saved first</h2>
      <p>{conflict.message}</p>
      {conflict.values.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Saved now compared with this form</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved now</th>
                <th scope="col">Yours (in the form)</th>
              </tr>
            </thead>
            <tbody>
              {conflict.values.map((v) => (
                <tr key={v.field}>
                  <th scope="row">{v.label}</th>
                  <td>{v.theirs ?? <span className="muted">(empty)</span>}</td>
                  <td>{v.yours ?? <span className="muted">(empty)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The hidden field carrying the version an edit form was opened on. */
export function VersionField({ version }: { version: string }) {
  return <input type="hidden" name="version" value={version} />;
}
