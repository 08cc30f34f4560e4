import { open } from "node:fs/promises";

// Reading the start of a text file: only the bytes a preview needs.

export interface TextHead {
  text: string;
  /** The head is the whole file. */
  complete: boolean;
  encoding: "utf-8" | "windows-1252";
  bytesRead: number;
}

export async function readBytes(path: string, length: number, position = 0): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Binary content has NUL bytes; text in any encoding we read doesn't. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 64 * 1024).includes(0);
}

/**
 * The first `maxBytes` of a text file, cut at the last line break so no line (or character) is split,
 * decoded as UTF-8, or as Windows-1252 when it isn't valid UTF-8 (old exports from Windows systems).
 */
export async function readTextHead(path: string, fileSize: number, maxBytes = 1024 * 1024): Promise<TextHead> {
  const bytes = await readBytes(path, Math.min(maxBytes, fileSize));
  const complete = bytes.length >= fileSize;
  let usable = bytes;
  if (!complete) {
    const lastBreak = bytes.lastIndexOf(0x0a);
    if (lastBreak > 0) usable = bytes.subarray(0, lastBreak + 1);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(usable);
    return { text, complete, encoding: "utf-8", bytesRead: usable.length };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(usable), complete, encoding: "windows-1252", bytesRead: usable.length };
  }
}
