import { useEffect, useState } from "react";

/**
 * A secret or address shown once, to copy: a read-only input (selectable without JavaScript) and, once the page
 * is interactive, a Copy button that says when it worked.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => setReady(true), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  }
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} className="copy-field__input" />
        {ready ? (
          <button type="button" className="button button--secondary" onClick={copy}>
            Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      <span className="field__hint" aria-live="polite">
        {copied === "yes" ? "Copied." : copied === "failed" ? "Your browser refused: the text is selected, press Ctrl+C (⌘C)." : null}
      </span>
    </div>
  );
}
