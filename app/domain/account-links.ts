// Lifetimes of the links sent by email to join an organization or reset a password. Browser-safe, so pages
// can state them.

export const USER_INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 60;
/** Reset emails per account per hour; further requests send nothing (and answer the same). */
export const PASSWORD_RESETS_PER_HOUR = 3;

/** HTTP status of an emailed link's page: 410 Gone for one that worked once (used, revoked, expired), 404 for one never issued. */
export function linkPageStatus(state: "valid" | "used" | "revoked" | "expired" | "unknown"): number {
  if (state === "valid") return 200;
  return state === "unknown" ? 404 : 410;
}
