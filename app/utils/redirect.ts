/**
 * A redirect target that stays inside the app: a path starting with a single "/" (not "//" or "/\",
 * which browsers treat as another host). Anything else gives the fallback. Characters outside ASCII are
 * percent-encoded (as a browser would), so the target always fits in a Location header.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  if (target.length > 2048) return fallback;
  try {
    const base = "http://app.invalid";
    const url = new URL(target, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
