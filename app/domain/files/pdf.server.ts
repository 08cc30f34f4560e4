import { readFile } from "node:fs/promises";

// pdf-lib parses a whole document in memory, so only documents up to this size are opened for a page count.
export const PDF_PREVIEW_MAX_BYTES = 64 * 1024 * 1024;

export interface PdfPreview {
  pageCount: number | null;
  title: string | null;
  encrypted: boolean;
  problem: string | null;
}

export async function previewPdf(path: string, size: number): Promise<PdfPreview> {
  if (size > PDF_PREVIEW_MAX_BYTES) {
    return { pageCount: null, title: null, encrypted: false, problem: "This PDF is too large to count its pages here; download it to read it." };
  }
  try {
    // Loaded on first use: most servers rarely preview a PDF, and pdf-lib is large.
    const { PDFDocument } = await import("pdf-lib");
    const document = await PDFDocument.load(await readFile(path), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return { pageCount: document.getPageCount(), title: document.getTitle() ?? null, encrypted: document.isEncrypted, problem: null };
  } catch {
    return { pageCount: null, title: null, encrypted: false, problem: "The PDF could not be read; it may be damaged. Download it to try another reader." };
  }
}
