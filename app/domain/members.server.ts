import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleUsers } from "./access.server";
import { containsPattern } from "./request-search.server";
import { choiceFromTyped } from "./typed-choice";

/** Active members of the viewer's organization: the people requests can be assigned to. */
export function listMembers(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(visibleUsers(viewer))
    .orderBy(asc(users.name));
}

/** At most this many names in a member search box's suggestions. */
export const MEMBER_SUGGESTIONS = 8;

/**
 * Members whose name contains the text (the search boxes that pick a person): the shortest names first, so
 * "Sam" suggests "Sam" before "Samantha Reyes". Bounded by the limit, whatever the organization's size.
 */
export function suggestMembers(viewer: Viewer, text: string, limit = MEMBER_SUGGESTIONS, db: Executor = defaultDb) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(visibleUsers(viewer), ilike(users.name, containsPattern(text))))
    .orderBy(sql`length(${users.name})`, asc(users.name), asc(users.id))
    .limit(limit);
}

/** The active member of the viewer's organization with this id, or null (a former member, another organization's). */
export async function findMember(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), visibleUsers(viewer)))
    .limit(1);
  return row ?? null;
}

export type MemberByName = { ok: true; member: { id: string; name: string } } | { ok: false; message: string };

/**
 * The one member a typed name means, for a form sent without JavaScript (no suggestion picked): the member
 * whose whole name it is (any case), else the only one whose name contains it. None, or several that contain
 * it, is a message naming some of them, so the person can type more of the name.
 */
export async function memberByName(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<MemberByName> {
  const typed = text.trim();
  const found = await suggestMembers(viewer, typed, MEMBER_SUGGESTIONS + 1, db);
  const exact = found.filter((m) => m.name.toLocaleLowerCase() === typed.toLocaleLowerCase());
  const choice = choiceFromTyped(
    typed,
    exact,
    found,
    { label: (m) => m.name, many: "members", none: `No active member of your organization has “${typed}” in their name`, more: "type more of the name" },
    MEMBER_SUGGESTIONS,
  );
  return choice.ok ? { ok: true, member: choice.hit } : choice;
}

/**
 * The name of a person the requests list may be filtered by (assignee=<id>): anyone of the organization or its
 * coalition partners, former members included, as the list shows them. Null for anyone else.
 */
export async function assigneeFilterName(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<string | null> {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, id), inArray(users.organizationId, [viewer.organizationId, ...viewer.partnerOrganizationIds])))
    .limit(1);
  return row?.name ?? null;
}

export type MemberChoice<Field extends string> = { ok: true; member: { id: string; name: string } | null } | { ok: false; field: Field; message: string };
export type AssigneeChoice = MemberChoice<"assigneeId" | "assigneeName">;

/**
 * The person a form's member search box means: the one picked (its id), else, without JavaScript, the name
 * typed (see memberByName); neither is nobody. `role` names the fields and the person in messages.
 */
async function chosenMember<Role extends "assignee" | "requester">(
  viewer: Viewer,
  role: Role,
  input: { id?: string | null; name?: string | null },
  db: Executor,
): Promise<MemberChoice<`${Role}Id` | `${Role}Name`>> {
  const idField = `${role}Id` as const;
  const nameField = `${role}Name` as const;
  const noun = role === "assignee" ? "Assignee" : "Requester";
  if (input.id) {
    const member = await findMember(viewer, input.id, db);
    return member ? { ok: true, member } : { ok: false, field: idField, message: `Choose ${role === "assignee" ? "an assignee" : "a requester"} from your organization` };
  }
  const typed = (input.name ?? "").trim();
  if (!typed) return { ok: true, member: null };
  if (typed.length > 200) return { ok: false, field: nameField, message: `${noun} name must be at most 200 characters` };
  const found = await memberByName(viewer, typed, db);
  return found.ok ? { ok: true, member: found.member } : { ok: false, field: nameField, message: found.message };
}

/**
 * Who an "assign" form means: the person picked in its search box (assigneeId), else, without JavaScript, the
 * name typed (assigneeName, see memberByName); neither is nobody (unassign).
 */
export function chosenAssignee(viewer: Viewer, input: { assigneeId?: string | null; assigneeName?: string | null }, db: Executor = defaultDb): Promise<AssigneeChoice> {
  return chosenMember(viewer, "assignee", { id: input.assigneeId, name: input.assigneeName }, db);
}

/** The person a request is filed in the name of, picked or typed in the edit form's requester box. */
export function chosenRequester(viewer: Viewer, input: { requesterId?: string | null; requesterName?: string | null }, db: Executor = defaultDb) {
  return chosenMember(viewer, "requester", { id: input.requesterId, name: input.requesterName }, db);
}
