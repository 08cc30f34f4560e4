import { USER_ROLES, type UserRole } from "../../db/schema/values";

// The permission matrix: which role may do what inside its organization. Pure and browser-safe, so the
// server enforces it (requirePermission in every loader and action that changes something) and the UI
// hides controls with the same table. Every role may read what its organization may see.

export const PERMISSIONS = {
  "request.create": { label: "File a request (form or JSON API)", roles: ["admin", "coordinator", "advocate"] },
  "request.edit": { label: "Edit a request, its next action, extensions and agreed dates", roles: ["admin", "coordinator", "advocate"] },
  "request.changeStatus": { label: "Change a request's status", roles: ["admin", "coordinator", "advocate"] },
  "request.note": { label: "Add notes, log communications and follow-ups", roles: ["admin", "coordinator", "advocate"] },
  "request.assign": { label: "Assign a request to someone else", roles: ["admin", "coordinator"] },
  "request.publish": { label: "Make a request public (with an embargo) or take it back", roles: ["admin", "coordinator"] },
  "agency.manage": { label: "Add and edit agencies", roles: ["admin", "coordinator"] },
  "jurisdiction.manage": { label: "Add cities, counties and authorities", roles: ["admin", "coordinator"] },
  "vendor.manage": { label: "Add and edit vendors, products and agency systems, and import them from CSV", roles: ["admin", "coordinator"] },
  export: { label: "Export data (CSV, files)", roles: ["admin", "coordinator", "advocate"] },
  "law.correct": { label: "Correct the law table", roles: ["admin"] },
  "agency.closures": { label: "Add and remove an agency's closed days (furlough, storm), which re-dates its open requests", roles: ["admin"] },
  "org.settings": { label: "Change organization settings (follow-up policy)", roles: ["admin"] },
  "users.manage": { label: "Invite people, change roles, disable and enable users", roles: ["admin"] },
  "coalition.manage": { label: "Start a coalition, invite organizations, remove members or leave", roles: ["admin"] },
  "webhooks.manage": { label: "Add, change and remove the organization's webhooks", roles: ["admin", "coordinator"] },
  "audit.view": { label: "Read the audit log", roles: ["admin"] },
  "apiToken.manage": { label: "Create and revoke own API tokens", roles: ["admin", "coordinator", "advocate", "viewer"] },
  "calendarFeed.manage": { label: "Create and revoke own calendar feeds", roles: ["admin", "coordinator", "advocate", "viewer"] },
} as const satisfies Record<string, { label: string; roles: readonly UserRole[] }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: "Admin",
  coordinator: "Coordinator",
  advocate: "Advocate",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  admin: "Everything, including users, settings, the law table and the audit log.",
  coordinator: "Files and works on requests, assigns them, manages agencies, jurisdictions, vendors and their systems.",
  advocate: "Files and works on requests.",
  viewer: "Reads only.",
};

export { USER_ROLES };

export function can(viewer: { role: UserRole } | null | undefined, permission: Permission): boolean {
  if (!viewer) return false;
  return (PERMISSIONS[permission].roles as readonly UserRole[]).includes(viewer.role);
}

/** Throws a 403 Response (rendered by the root error boundary) unless the viewer's role allows it. */
export function requirePermission(viewer: { role: UserRole }, permission: Permission): void {
  if (!can(viewer, permission)) {
    throw new Response(`Your role (${ROLE_LABELS[viewer.role]}) can't do this: ${PERMISSIONS[permission].label.toLowerCase()}.`, {
      status: 403,
      statusText: "Forbidden",
    });
  }
}

/**
 * Whether the viewer may set a request's assignee from `current` to `next`: coordinators and admins
 * always; others may leave it as it is, take the request themselves or let go of their own.
 */
export function mayAssign(viewer: { id: string; role: UserRole }, current: string | null, next: string | null): boolean {
  if (can(viewer, "request.assign") || next === current) return true;
  return next === viewer.id || (next === null && current === viewer.id);
}

export const ASSIGN_REFUSED = "Only coordinators and admins can assign a request to someone else.";
