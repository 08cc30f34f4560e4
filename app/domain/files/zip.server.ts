import yauzl from "yauzl";
import { formatBytes } from "../field-states";

// What a zip archive (an XLSX is one) would expand to, read from its central directory without inflating
// anything, so a zip bomb is refused before any library unpacks it.

export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxUncompressedBytes: 2 * 1024 ** 3,
  // Sheet XML compresses well, but not a hundredfold over a whole workbook of real data.
  maxRatio: 100,
  ratioAppliesAbove: 100 * 1000 * 1000,
};

export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
  names: string[];
}

/** The archive's entries and sizes; null when the file is not a readable zip archive. */
export function inspectZip(path: string): Promise<ZipSummary | null> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return resolve(null);
      const summary: ZipSummary = { entries: zip.entryCount, compressedBytes: 0, uncompressedBytes: 0, names: [] };
      // Too many entries is known from the end record alone.
      if (zip.entryCount > ZIP_LIMITS.maxEntries) {
        zip.close();
        return resolve(summary);
      }
      zip.on("entry", (entry: yauzl.Entry) => {
        summary.compressedBytes += entry.compressedSize;
        summary.uncompressedBytes += entry.uncompressedSize;
        summary.names.push(entry.fileName);
        if (summary.uncompressedBytes > ZIP_LIMITS.maxUncompressedBytes) {
          zip.close();
          resolve(summary);
        } else {
          zip.readEntry();
        }
      });
      zip.once("end", () => resolve(summary));
      zip.once("error", () => resolve(null));
      zip.readEntry();
    });
  });
}

/** Why the archive is refused as a zip bomb, or null. */
export function zipBombProblem(summary: ZipSummary, fileSize: number): string | null {
  if (summary.entries > ZIP_LIMITS.maxEntries) {
    return `it holds ${summary.entries.toLocaleString("en-US")} entries (the limit is ${ZIP_LIMITS.maxEntries.toLocaleString("en-US")})`;
  }
  if (summary.uncompressedBytes > ZIP_LIMITS.maxUncompressedBytes) {
    return `it would expand to more than ${formatBytes(ZIP_LIMITS.maxUncompressedBytes)}`;
  }
  const ratio = summary.uncompressedBytes / Math.max(1, fileSize);
  if (summary.uncompressedBytes > ZIP_LIMITS.ratioAppliesAbove && ratio > ZIP_LIMITS.maxRatio) {
    return `it would expand ${Math.round(ratio).toLocaleString("en-US")} times, from ${formatBytes(fileSize)} to ${formatBytes(summary.uncompressedBytes)}`;
  }
  return null;
}
