import { and, eq } from "drizzle-orm";
import { fileProfiles, requestFiles } from "../../../db/schema";
import type { CodeKeyKind, FileKind } from "../../../db/schema/field-values";
import type { Executor } from "../../utils/db.server";
import { matchHeaders } from "../header-matching";
import { previewStoredFile, tablesOf } from "../previews.server";
import { codeListShape, sameConcept } from "./ask-check";
import type { DatasetProfile } from "./profile-types";

// Which fields and code keys a received file is the evidence for: a field when the file has a column for
// it with values in it; a code list when the file is that code list; a data dictionary when the file is a
// document (or named like a dictionary). A state read from a file is credited to the file only for these.

export interface EvidenceField {
  id: string;
  key: string;
  label: string;
  recordTypeKey: string;
  synonyms: readonly string[];
}

export interface EvidenceCodeKey {
  id: string;
  kind: CodeKeyKind;
  label: string;
  columnName: string | null;
}

const DICTIONARY_NAME = /dictionar|codebook|code book|layout|schema|metadata|data ?guide|field ?definitions|readme/i;
const DOCUMENT_KINDS: readonly FileKind[] = ["pdf", "text", "other"];

export function evidenceFrom(
  file: { name: string; kind: FileKind },
  columns: ReadonlyArray<{ name: string; present: boolean }>,
  profile: DatasetProfile | null,
  fields: readonly EvidenceField[],
  codeKeys: readonly EvidenceCodeKey[],
): { fieldIds: Set<string>; codeKeyIds: Set<string> } {
  const withValues = columns.filter((c) => c.present).map((c) => c.name);
  const matches = matchHeaders(
    withValues,
    fields.map((f) => ({ id: f.id, key: f.key, label: f.label, synonyms: f.synonyms, recordType: f.recordTypeKey })),
  );
  const fieldIds = new Set(matches.map((m) => m.fieldId));
  const codeKeyIds = new Set<string>();
  const list = profile ? codeListShape(profile) : null;
  for (const key of codeKeys) {
    if (key.kind === "code_list" && list) {
      if (sameConcept(key.columnName ?? key.label, list.codeColumn) || (key.columnName === null && sameConcept(key.label.replace(/\bcodes?\b/i, ""), list.codeColumn))) {
        codeKeyIds.add(key.id);
      }
    }
    if (key.kind === "data_dictionary" && (DOCUMENT_KINDS.includes(file.kind) || DICTIONARY_NAME.test(file.name))) codeKeyIds.add(key.id);
  }
  return { fieldIds, codeKeyIds };
}

/** The evidence of a request's file, from its profile when done, else from the header row of its preview. */
export async function fileEvidence(
  db: Executor,
  requestId: string,
  fileId: string,
  fields: readonly EvidenceField[],
  codeKeys: readonly EvidenceCodeKey[],
): Promise<{ fieldIds: Set<string>; codeKeyIds: Set<string> } | null> {
  const [file] = await db
    .select({
      name: requestFiles.originalName,
      kind: requestFiles.kind,
      sizeBytes: requestFiles.sizeBytes,
      storageName: requestFiles.storageName,
      status: fileProfiles.status,
      result: fileProfiles.result,
    })
    .from(requestFiles)
    .leftJoin(fileProfiles, eq(fileProfiles.fileId, requestFiles.id))
    .where(and(eq(requestFiles.id, fileId), eq(requestFiles.requestId, requestId)))
    .limit(1);
  if (!file) return null;
  const profile = file.status === "done" ? (file.result as DatasetProfile) : null;
  let columns: Array<{ name: string; present: boolean }>;
  if (profile) {
    columns = profile.tables.flatMap((t) => t.columns.map((c) => ({ name: c.name, present: c.present > 0 })));
  } else {
    const preview = await previewStoredFile(file);
    columns = tablesOf(preview).flatMap((t) => t.headers.map((h, i) => ({ name: h, present: t.rows.some((r) => (r[i] ?? "").trim() !== "") || t.rows.length === 0 })));
  }
  return evidenceFrom(file, columns, profile, fields, codeKeys);
}
