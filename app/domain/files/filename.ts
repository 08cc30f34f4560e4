// Safe download names. Pure.

const RESERVED = /[<>:"/\\|?*]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file name any system accepts: no directories, reserved or control characters; at most 150 characters. */
export function safeFilename(name: string, fallback = "download"): string {
  let cleaned = name.normalize("NFC").replace(CONTROL, "").replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  cleaned = cleaned.replace(/^[.\s]+|[.\s]+$/g, "");
  if (!cleaned || WINDOWS_DEVICE.test(cleaned)) return fallback;
  if (cleaned.length > 150) {
    const dot = cleaned.lastIndexOf(".");
    const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
    cleaned = cleaned.slice(0, 150 - extension.length).trimEnd() + extension;
  }
  return cleaned;
}

/** `attachment` with an ASCII fallback name and the exact one as RFC 6266/8187 `filename*`. */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const safe = safeFilename(name);
  const ascii = safe
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/[%;]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === safe ? `${type}; filename="${ascii}"` : `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Names for files put side by side in one archive: "a.csv", "a (2).csv". */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const safe = safeFilename(name, "file");
    const dot = safe.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ""];
    let candidate = safe;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
