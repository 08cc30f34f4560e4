// What the audit log records, with the words the admin page shows. Browser-safe. Add a line here for a new
// kind of event (e.g. an export) and call recordAudit from the route that does it.

export const AUDIT_ACTION_LABELS = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "user.role_changed": "Role changed",
  "user.disabled": "User disabled",
  "user.enabled": "User enabled",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  export: "Data exported",
  "request.visibility_changed": "Request visibility changed",
  "request.entry_hidden": "Timeline entry or file hidden",
  "request.entry_shown": "Timeline entry or file shown",
  "user.invited": "User invited",
  "user.invitation_revoked": "Invitation revoked",
  "user.joined": "Invitation accepted",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_reset": "Password reset",
  "coalition.created": "Coalition created",
  "coalition.invited": "Organization invited to the coalition",
  "coalition.invitation_revoked": "Coalition invitation revoked",
  "coalition.joined": "Joined a coalition",
  "coalition.member_removed": "Organization removed from the coalition",
  "coalition.left": "Left the coalition",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
