/** An all-or-nothing import's refusal: nothing was imported, and each problem by line and column. */
export function ImportProblems({ errors }: { errors: readonly { line: number; column?: string | null; message: string }[] }) {
  return (
    <>
      <p role="alert">
        Nothing has been imported. Fix {errors.length === 1 ? "this problem" : `these ${errors.length} problems`} in the file and upload it again.
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Problems by line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td data-label="Line">{e.line}</td>
                <td data-label="Column">{e.column ?? "—"}</td>
                <td data-label="Problem">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
