import { describeInstallment } from "../timeline";
import { mainTable } from "./profile-types";
import { dateColumnOf, periodOf } from "./ask-check";
import type { FileCheck } from "./profiles.server";

// The public JSON shape of a file's profile and its check against the ask (kept apart from the stored
// profile, so the API stays stable when the profile grows).

export function fileProfileJson(checked: FileCheck) {
  const { profile, check } = checked;
  const result = profile?.result ?? null;
  const main = result ? mainTable(result) : null;
  const columnJson = (c: NonNullable<typeof main>["columns"][number]) => ({
    name: c.name,
    type: c.type,
    shareEmpty: c.shareEmpty,
    distinct: c.distinct,
    distinctExact: c.distinctExact,
    min: c.min,
    max: c.max,
    topValues: c.topValues,
  });
  return {
    installment: checked.installment ? { ...checked.installment, label: describeInstallment(checked.installment) } : null,
    profile: profile
      ? {
          status: profile.status,
          progress: profile.progress,
          error: profile.status === "failed" ? profile.error : null,
          rows: main?.rows ?? null,
          columns: main ? main.columns.map(columnJson) : null,
          periodCovered: main ? periodOf(dateColumnOf(main)) : null,
          tables: result ? result.tables.map((t) => ({ source: t.source, rows: t.rows, columns: t.columns.map(columnJson), periodCovered: periodOf(dateColumnOf(t)) })) : null,
          engine: result?.engine ?? null,
          seconds: result?.seconds ?? null,
          finishedAt: profile.finishedAt?.toISOString() ?? null,
        }
      : null,
    check: check
      ? {
          period: check.period,
          detailLevel: check.detail,
          fields: check.fields.map((f) => {
            const field = checked.fields.find((x) => x.id === f.fieldId)!;
            return { id: f.fieldId, key: field.key, label: field.label, column: f.column, sheet: f.source, sharePresent: f.sharePresent, state: f.current, proposedState: f.proposed, reason: f.reason };
          }),
          deidentification: check.flags,
          notes: check.notes,
          codeLists: check.codeLists.map(({ missingCodes, ...l }) => ({ ...l, missingCodes })),
          codeList: check.codeList ? { codeColumn: check.codeList.codeColumn, descriptionColumn: check.codeList.descriptionColumn, size: check.codeList.size } : null,
          describes: check.describes,
        }
      : null,
    codeKeys: checked.codeKeys.map((k, i) => ({ id: k.id, kind: k.kind, label: k.label, column: k.columnName, state: k.state, note: k.stateNote, fileId: k.stateFileId, proposedState: checked.codeKeyProposals[i]?.proposed ?? k.state })),
  };
}
