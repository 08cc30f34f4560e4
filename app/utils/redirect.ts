/**
 * A redirect target that stays inside the app: a path starting with a single "/" (not "//" or "/\",
 * which browsers treat as another host). Anything else gives the fallback.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  if (/[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
