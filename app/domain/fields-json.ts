import type { RequestFieldsData } from "./fields.server";
import type { RequestFile } from "./files.server";

// The public JSON shape of fields asked, coverage and files (kept apart from table columns so the API is stable).

export function requestFieldsJson(requestId: string, data: RequestFieldsData) {
  return {
    ask: {
      recordTypes: data.recordTypes.map((t) => ({ key: t.key, name: t.name })),
      detailLevel: data.ask.detailLevel,
      periodStart: data.ask.periodStart,
      periodEnd: data.ask.periodEnd,
      formats: data.ask.formats,
      deidentify: data.ask.deidentify,
      deidentifyNotes: data.ask.deidentifyNotes,
    },
    fields: data.fields.map((f) => ({
      id: f.id,
      key: f.key,
      label: f.label,
      recordType: { key: f.recordTypeKey, name: f.recordTypeName },
      state: f.state,
      note: f.stateNote,
      fileId: f.stateFileId,
      stateChangedAt: f.stateChangedAt?.toISOString() ?? null,
    })),
    codeKeys: data.codeKeys.map((k) => ({ id: k.id, kind: k.kind, label: k.label, column: k.columnName, state: k.state, note: k.stateNote, fileId: k.stateFileId })),
    coverage: { received: data.coverage.received, total: data.coverage.total },
    coverageByState: data.byState,
    filesUrl: `/api/v1/requests/${requestId}/files`,
  };
}

export function fileJson(file: RequestFile, extra: { duplicate?: boolean } = {}) {
  return {
    id: file.id,
    name: file.originalName,
    size: file.sizeBytes,
    sha256: file.sha256,
    type: file.mediaType,
    kind: file.kind,
    communicationId: file.communicationId,
    uploadedBy: file.uploadedByName,
    createdAt: file.createdAt.toISOString(),
    downloadUrl: `/requests/${file.requestId}/files/${file.id}/download`,
    ...(extra.duplicate !== undefined ? { duplicate: extra.duplicate } : {}),
  };
}
