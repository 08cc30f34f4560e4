// Which evidence documents (council agendas, contracts, purchase orders) can be attached to an agency system.
// Pure: the type is decided from the file's first bytes, never from the name or the browser's claim alone.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain",
  csv: "text/csv",
};

export const DOCUMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv";

/** A file name safe to store and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || "document";
}

/** Text files have no signature: accept them when they decode as UTF-8 without NUL bytes. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The content type to store for a file, or a sentence saying why it is refused. `sniffed` is the extension
 * file-type found from the bytes (undefined when it found none).
 */
export function documentType(fileName: string, bytes: Uint8Array, sniffed: string | undefined): { type: string } | { problem: string } {
  if (bytes.byteLength === 0) return { problem: "The file is empty" };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { problem: "The file is larger than 10 MB" };
  const extension = (fileName.split(".").pop() ?? "").toLowerCase();
  const allowed = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), text or CSV";
  if (sniffed) {
    const type = DOCUMENT_TYPES[sniffed];
    return type ? { type } : { problem: `Attach a ${allowed} file` };
  }
  if ((extension === "txt" || extension === "csv") && looksLikeText(bytes)) return { type: DOCUMENT_TYPES[extension]! };
  return { problem: `Attach a ${allowed} file` };
}
