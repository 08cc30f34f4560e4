import { and, asc, eq, inArray } from "drizzle-orm";
import { fileInstallments, fileProfiles, requestCodeKeys, requestFiles, requests } from "../../../db/schema";
import type { FieldState, ProfileStatus } from "../../../db/schema/field-values";
import { todayIn } from "../../utils/dates";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { visibleFiles, type Audience } from "../access.server";
import type { CodeKeysInput, InstallmentInput } from "../fields-input";
import { CODE_KEY_KIND_LABELS } from "../field-states";
import { getRequestFields, readCodeKeys, type CodeKey, type RequestFieldsData } from "../fields.server";
import type { StoredRequestFile } from "../files.server";
import type { FilePreview } from "../previews.server";
import { proposeStates, tablesOf } from "../previews.server";
import { isUuid, lockRequest, recordEvent, touch } from "../requests.server";
import { fail, ok, type Result } from "../results";
import { describeInstallment, type CodeKeyRef } from "../timeline";
import { checkAgainstAsk, type AskCheck, type OtherFile } from "./ask-check";
import { evidenceFrom } from "./evidence.server";
import type { DatasetProfile } from "./profile-types";

export interface FileProfileState {
  status: ProfileStatus;
  progress: number;
  error: string | null;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: DatasetProfile | null;
}

/** A file's profile job and result; null for files that are not profiled (PDFs, text...). */
export async function getFileProfile(fileId: string, db: Executor = defaultDb): Promise<FileProfileState | null> {
  if (!isUuid(fileId)) return null;
  const [row] = await db
    .select({
      status: fileProfiles.status,
      progress: fileProfiles.progress,
      error: fileProfiles.error,
      attempts: fileProfiles.attempts,
      startedAt: fileProfiles.startedAt,
      finishedAt: fileProfiles.finishedAt,
      result: fileProfiles.result,
    })
    .from(fileProfiles)
    .where(eq(fileProfiles.fileId, fileId))
    .limit(1);
  if (!row) return null;
  return { ...row, result: row.status === "done" ? (row.result as DatasetProfile) : null };
}

/** The done profiles of a request's files the audience may see, oldest file first. */
export async function listDoneProfiles(audience: Audience, requestIds: readonly string[], db: Executor = defaultDb) {
  const ids = requestIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ fileId: requestFiles.id, requestId: requestFiles.requestId, name: requestFiles.originalName, result: fileProfiles.result })
    .from(fileProfiles)
    .innerJoin(requestFiles, eq(requestFiles.id, fileProfiles.fileId))
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .where(and(inArray(fileProfiles.requestId, ids), eq(fileProfiles.status, "done"), visibleFiles(audience)))
    .orderBy(asc(requestFiles.createdAt), asc(requestFiles.id));
  return rows.map((r) => ({ fileId: r.fileId, requestId: r.requestId, name: r.name, profile: r.result as DatasetProfile }));
}

export interface Installment {
  number: number | null;
  total: number | null;
  final: boolean;
}

export async function getInstallment(fileId: string, db: Executor = defaultDb): Promise<Installment | null> {
  const [row] = await db
    .select({ number: fileInstallments.number, total: fileInstallments.total, final: fileInstallments.final })
    .from(fileInstallments)
    .where(eq(fileInstallments.fileId, fileId))
    .limit(1);
  return row && (row.number || row.final) ? row : null;
}

export interface ProposedItem {
  id: string;
  current: FieldState;
  proposed: FieldState;
  /** Why: goes into the note when the proposal is taken. */
  reason: string | null;
  /** The column of this file that holds it, and where. */
  column: string | null;
  source: string | null;
  similar: boolean;
  sharePresent: number | null;
}

export interface FileCheck {
  profile: FileProfileState | null;
  check: AskCheck | null;
  fields: RequestFieldsData["fields"];
  codeKeys: CodeKey[];
  fieldProposals: ProposedItem[];
  codeKeyProposals: ProposedItem[];
  installment: Installment | null;
  ask: RequestFieldsData["ask"];
}

/**
 * A received file checked against the request's ask: its profile (or the job's progress), the check, and
 * the states proposed for the fields and code keys (from the profile when done, else from the preview's
 * header row), for a person to confirm.
 */
export async function loadFileCheck(viewer: Viewer, requestId: string, file: Pick<StoredRequestFile, "id" | "originalName" | "kind">, preview: FilePreview, db: Executor = defaultDb): Promise<FileCheck | null> {
  const fieldsData = await getRequestFields(viewer, requestId, db);
  if (!fieldsData) return null;
  const codeKeys = fieldsData.codeKeys;
  const [profile, others, installment] = await Promise.all([
    getFileProfile(file.id, db),
    listDoneProfiles(viewer, [requestId], db),
    getInstallment(file.id, db),
  ]);
  const fields = fieldsData.fields;
  const checked = fields.map((f) => ({ id: f.id, key: f.key, label: f.label, recordTypeKey: f.recordTypeKey, synonyms: f.synonyms, state: f.state }));
  let check: AskCheck | null = null;
  let fieldProposals: ProposedItem[];
  if (profile?.result) {
    check = checkAgainstAsk({
      profile: profile.result,
      fileId: file.id,
      ask: fieldsData.ask,
      fields: checked,
      others: others.filter((o): o is OtherFile & typeof o => o.fileId !== file.id),
      today: todayIn(viewer.timeZone),
    });
    fieldProposals = check.fields.map((c) => ({ id: c.fieldId, current: c.current, proposed: c.proposed, reason: c.reason, column: c.column, source: c.source, similar: c.how === "similar", sharePresent: c.sharePresent }));
  } else {
    fieldProposals = proposeStates(tablesOf(preview), fields).map((p) => ({
      id: p.fieldId,
      current: p.current,
      proposed: p.proposed,
      reason: null,
      column: p.match?.header ?? null,
      source: p.match?.source ?? null,
      similar: p.match?.how === "similar",
      sharePresent: null,
    }));
  }
  const columns = profile?.result
    ? profile.result.tables.flatMap((t) => t.columns.map((c) => ({ name: c.name, present: c.present > 0 })))
    : tablesOf(preview).flatMap((t) => t.headers.map((h) => ({ name: h, present: true })));
  const evidence = evidenceFrom({ name: file.originalName, kind: file.kind }, columns, profile?.result ?? null, fields, codeKeys);
  const codeKeyProposals: ProposedItem[] = codeKeys.map((k) => {
    const here = evidence.codeKeyIds.has(k.id);
    const proposed: FieldState = here && (k.state === "not_yet" || k.state === "partly_received") ? "received" : k.state;
    return { id: k.id, current: k.state, proposed, reason: null, column: here ? (check?.codeList?.codeColumn ?? null) : null, source: null, similar: false, sharePresent: null };
  });
  return { profile, check, fields, codeKeys, fieldProposals, codeKeyProposals, installment, ask: fieldsData.ask };
}

/** Sets which code keys a request tracks: keeps `keepIds`, adds a new one. One timeline entry. */
export async function setCodeKeys(viewer: Viewer, requestId: string, input: Omit<CodeKeysInput, "intent">, db: Executor = defaultDb): Promise<Result<{ added: number; removed: number }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const now = await readCodeKeys(tx, viewer, current.id);
    const keep = new Set(input.keepIds);
    const removed = now.filter((k) => !keep.has(k.id));
    const added: CodeKeyRef[] = [];
    if (input.newLabel && input.newKind) {
      const label = input.newLabel.replace(/\s+/g, " ");
      if (now.some((k) => !removed.includes(k) && k.kind === input.newKind && k.label.toLowerCase() === label.toLowerCase())) {
        return fail("newLabel", `This request already tracks “${label}”`);
      }
      await tx.insert(requestCodeKeys).values({ organizationId: current.organizationId, requestId: current.id, kind: input.newKind, label, columnName: input.newColumn ?? null, createdById: viewer.id });
      added.push({ label, kind: CODE_KEY_KIND_LABELS[input.newKind], column: input.newColumn ?? null });
    }
    if (removed.length) await tx.delete(requestCodeKeys).where(inArray(requestCodeKeys.id, removed.map((k) => k.id)));
    if (added.length === 0 && removed.length === 0) return ok({ added: 0, removed: 0 });
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, {
      kind: "code_keys_asked",
      data: { added, removed: removed.map((k) => ({ label: k.label, kind: CODE_KEY_KIND_LABELS[k.kind], column: k.columnName })) },
    });
    return ok({ added: added.length, removed: removed.length });
  });
}

/** Marks a received file as installment n (of m), or final; clearing it is recorded too. */
export async function setInstallment(viewer: Viewer, requestId: string, fileId: string, input: Omit<InstallmentInput, "intent">, db: Executor = defaultDb): Promise<Result<{ changed: boolean }> | null> {
  if (!isUuid(fileId)) return null;
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const [file] = await tx
      .select({ id: requestFiles.id, name: requestFiles.originalName })
      .from(requestFiles)
      .where(and(eq(requestFiles.id, fileId), eq(requestFiles.requestId, current.id)))
      .limit(1);
    if (!file) return null;
    const before = await getInstallment(file.id, tx);
    const after: Installment = { number: input.number ?? null, total: input.number ? (input.total ?? null) : null, final: input.final };
    if (describeInstallment(before ?? { number: null, total: null, final: false }) === describeInstallment(after)) return ok({ changed: false });
    await tx
      .insert(fileInstallments)
      .values({ fileId: file.id, organizationId: current.organizationId, requestId: current.id, ...after, updatedById: viewer.id })
      .onConflictDoUpdate({ target: fileInstallments.fileId, set: { ...after, updatedById: viewer.id, updatedAt: new Date() } });
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, {
      kind: "installment_set",
      data: { fileId: file.id, fileName: file.name, ...after, previous: before ? describeInstallment(before) : null },
    });
    return ok({ changed: true });
  });
}
