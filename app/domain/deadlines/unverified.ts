/** What the reference data leaves unverified, as the Markdown list the README carries. Pure. */
import { lawRuleFromReference } from "./laws";
import { JURISDICTION_REFERENCES } from "./reference";

export const UNVERIFIED_START = "<!-- unverified:start (npx tsx db/cli/unverified-report.ts --write) -->";
export const UNVERIFIED_END = "<!-- unverified:end -->";

export function unverifiedMarkdown(): string {
  const lines: string[] = [];
  const sorted = [...JURISDICTION_REFERENCES].sort((a, b) => a.law.jurisdiction.localeCompare(b.law.jurisdiction));
  for (const reference of sorted) {
    const items = [...reference.law.unverified, ...reference.calendar.unverified];
    const rule = lawRuleFromReference(reference);
    lines.push(`- **${reference.law.jurisdiction}**, ${reference.law.lawName} (confidence: ${rule.confidence})`);
    if (items.length === 0) lines.push("  - nothing: every fact was read in a primary source");
    for (const item of items) lines.push(`  - ${item.replace(/\s+/g, " ").trim()}`);
  }
  return lines.join("\n");
}
