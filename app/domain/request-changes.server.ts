import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { Viewer } from "./accounts.server";
import { dismissBounce } from "./mail/bounces.server";
import { setRequestAutoFollowUp } from "./mail/auto-follow-ups.server";
import { decideTrackingNumber } from "./mail/tracking.server";
import { ASSIGN_REFUSED, can, mayAssign, type Permission } from "./permissions";
import {
  addNoteSchema,
  agreedDateSchema,
  assignSchema,
  changeStatusSchema,
  logCommunicationSchema,
  logExtensionSchema,
  nextActionSchema,
  tagsSchema,
} from "./request-input";
import { codeKeysSchema, editAskSchema, setFieldsSchema, updateStatesSchema } from "./fields-input";
import { setAskedFields, updateAsk, updateFieldStates } from "./fields.server";
import { setCodeKeys } from "./profiles/profiles.server";
import { STATUS_LABELS } from "./request-status";
import { addNote, assignRequest, changeStatus, changeTags, getRequest, logCommunication, logExtension, setAgreedDate, setNextAction } from "./requests.server";
import { fail, type Result } from "./results";
import { chosenAssignee } from "./members.server";
import { entryVisibilitySchema, VISIBILITY_LABELS, visibilityFormSchema } from "./visibility";
import { setEntryInternal, setRequestVisibility } from "./visibility.server";
import { formatDate } from "../utils/dates";
import type { Executor } from "../utils/db.server";

// The changes a person makes on a request's page, in one table: for each, the permission it needs, the zod
// schema of its input, the domain call (which checks visibility, locks the request and records the timeline
// entry) and the sentence that confirms it. The request page's form actions and the JSON API's writes both go
// through `applyRequestChange`, so a change made either way is checked, recorded and refused the same way.

export interface ChangeContext {
  today: string;
  ipAddress: string | null;
  /** The transaction to make the change in (a bulk change's batch); each change still runs in its own savepoint. */
  db?: Executor;
}

interface RequestChange<Schema extends z.ZodTypeAny, T> {
  permission: Permission;
  /** What the API calls it: POST /api/v1/requests/:id/<apiPath>. */
  apiPath: string;
  summary: string;
  schema: (today: string) => Schema;
  /** A refusal that depends on the request as it is (403, with the field named), checked before the change. */
  refuse?: (viewer: Viewer, requestId: string, value: z.output<Schema>, context: ChangeContext) => Promise<{ field: string; message: string } | null>;
  run: (viewer: Viewer, requestId: string, value: z.output<Schema>, context: ChangeContext) => Promise<Result<T> | null>;
  message: (value: T, input: z.output<Schema>) => string;
}

const change = <Schema extends z.ZodTypeAny, T>(c: RequestChange<Schema, T>) => c;

const trackingDecisionSchema = z.object({
  inboundMessageId: z.string({ error: "Unknown proposal" }).uuid("Unknown proposal"),
  decision: z.enum(["accepted", "declined"], { error: "Choose to use it or not" }),
});
const autoFollowUpSchema = z.object({ autoFollowUp: z.enum(["on", "off"], { error: "Choose on or off" }) });
const dismissBounceSchema = z.object({ bounceId: z.string({ error: "Unknown bounce" }).uuid("Unknown bounce") });

export const REQUEST_CHANGES = {
  "change-status": change({
    permission: "request.changeStatus",
    apiPath: "status",
    summary: "Change the status (the deadline clock follows it)",
    schema: (today) => changeStatusSchema(today),
    run: (viewer, id, v, { today, db }) => changeStatus(viewer, id, v, today, db),
    message: (r) => `Status changed to ${STATUS_LABELS[r.to]}.`,
  }),
  "log-extension": change({
    permission: "request.edit",
    apiPath: "extensions",
    summary: "Log an extension the agency took",
    schema: (today) => logExtensionSchema(today),
    run: (viewer, id, v) => logExtension(viewer, id, v),
    message: (r) => (r.beyondLimit ? "Extension logged. It goes beyond what the law allows: flagged on the request." : "Extension logged."),
  }),
  "agreed-date": change({
    permission: "request.edit",
    apiPath: "agreed-date",
    summary: "Record a due date agreed with the agency",
    schema: (today) => agreedDateSchema(today),
    run: (viewer, id, v) => setAgreedDate(viewer, id, v),
    message: () => "Agreed due date recorded.",
  }),
  "set-next-action": change({
    permission: "request.edit",
    apiPath: "next-action",
    summary: "Set or clear the next action date",
    schema: () => nextActionSchema,
    run: (viewer, id, v, { db }) => setNextAction(viewer, id, v.nextActionOn ?? null, db),
    message: (_, v) => (v.nextActionOn ? "Next action date set." : "Next action date cleared."),
  }),
  "add-note": change({
    permission: "request.note",
    apiPath: "notes",
    summary: "Add a note to the timeline",
    schema: () => addNoteSchema,
    run: (viewer, id, v) => addNote(viewer, id, v.body, undefined, { internal: v.internal }),
    message: (_, v) => (v.internal ? "Internal note added (only your organization sees it)." : "Note added."),
  }),
  "log-communication": change({
    permission: "request.note",
    apiPath: "communications",
    summary: "Log a call, letter or email exchanged outside the app",
    schema: (today) => logCommunicationSchema(today),
    run: (viewer, id, v) => logCommunication(viewer, id, v),
    message: () => "Communication logged.",
  }),
  assign: change({
    permission: "request.edit",
    apiPath: "assignee",
    summary: "Assign the request (empty: nobody)",
    schema: () => assignSchema,
    // Advocates may take a request or let go of their own, not hand it to someone else. A name that means no one
    // (or several) is refused by run, with the names that match.
    refuse: async (viewer, id, v, { db }) => {
      const chosen = await chosenAssignee(viewer, v, db);
      if (!chosen.ok) return null;
      const current = await getRequest(viewer, id, db);
      if (current && !mayAssign(viewer, current.assigneeId, chosen.member?.id ?? null)) return { field: v.assigneeId || !v.assigneeName ? "assigneeId" : "assigneeName", message: ASSIGN_REFUSED };
      return null;
    },
    run: async (viewer, id, v, { db }) => {
      const chosen = await chosenAssignee(viewer, v, db);
      if (!chosen.ok) return fail(chosen.field, chosen.message);
      return assignRequest(viewer, id, chosen.member?.id ?? null, db);
    },
    message: () => "Assignment saved.",
  }),
  "set-visibility": change({
    permission: "request.edit",
    apiPath: "visibility",
    summary: "Who can see it: private, coalition, or public (with an embargo date); flagged files need confirmFileIds",
    schema: () => visibilityFormSchema,
    refuse: async (viewer, _id, v) =>
      v.visibility === "public" && !can(viewer, "request.publish") ? { field: "visibility", message: "Only coordinators and admins can make a request public." } : null,
    run: (viewer, id, v, { ipAddress, db }) => setRequestVisibility(viewer, id, v, { ipAddress }, db),
    message: (r) =>
      r.visibility === "public"
        ? r.embargoUntil
          ? `The request becomes public on ${formatDate(r.embargoUntil)}.`
          : "The request is public."
        : `The request is now ${VISIBILITY_LABELS[r.visibility].toLowerCase()}.`,
  }),
  "entry-visibility": change({
    permission: "request.edit",
    apiPath: "entry-visibility",
    summary: "Mark a timeline entry or a file internal, or show it again",
    schema: () => entryVisibilitySchema,
    run: (viewer, id, v, { ipAddress }) => setEntryInternal(viewer, id, v, { ipAddress }),
    message: (_, v) => (v.internal ? "Hidden from other organizations and the public." : "Shown to everyone who sees the request."),
  }),
  "tracking-number": change({
    permission: "request.edit",
    apiPath: "tracking-number",
    summary: "Use or set aside a tracking number the app found in the agency's email",
    schema: () => trackingDecisionSchema,
    run: (viewer, id, v) => decideTrackingNumber(viewer, id, v.inboundMessageId, v.decision),
    message: (r, v) => (v.decision === "accepted" ? `Tracking number set to ${r.trackingNumber}; later letters quote it in their subject.` : "Proposal set aside."),
  }),
  "auto-follow-up": change({
    permission: "request.edit",
    apiPath: "auto-follow-up",
    summary: "Turn the organization's automatic follow-ups on or off for this request",
    schema: () => autoFollowUpSchema,
    run: (viewer, id, v) => setRequestAutoFollowUp(viewer, id, v.autoFollowUp === "on"),
    message: (_, v) => (v.autoFollowUp === "on" ? "Automatic follow-ups are on for this request." : "Automatic follow-ups are off for this request."),
  }),
  "dismiss-bounce": change({
    permission: "request.edit",
    apiPath: "dismiss-bounce",
    summary: "Set a bounce aside (the request leaves the Fix the contact group)",
    schema: () => dismissBounceSchema,
    run: async (viewer, _id, v) => ((await dismissBounce(viewer, v.bounceId)) ? { ok: true as const, value: null } : null),
    message: () => "Bounce set aside: the request leaves the Fix the contact group.",
  }),
  tags: change({
    permission: "request.edit",
    apiPath: "tags",
    summary: "Add tags and take tags off (`add`, `remove`: lists, or text separated by commas)",
    schema: () => tagsSchema,
    run: (viewer, id, v) => changeTags(viewer, id, v),
    message: (r) => (r.tags.length ? `Tags: ${r.tags.join(", ")}.` : "No tags left."),
  }),
  // The fields page's forms (/requests/:id/fields): what is asked, and what came back.
  "edit-ask": change({
    permission: "request.edit",
    apiPath: "ask",
    summary: "What the request asks beyond the fields: record types, period, level of detail, formats, de-identification",
    schema: () => editAskSchema,
    run: (viewer, id, v) => updateAsk(viewer, id, v),
    message: (r) => (r.changed ? "The ask was saved." : "Nothing changed."),
  }),
  "set-fields": change({
    permission: "request.edit",
    apiPath: "fields",
    summary: "The fields asked: catalog fields by id, custom fields kept by id, and one new custom field",
    schema: () => setFieldsSchema,
    run: (viewer, id, v) => setAskedFields(viewer, id, v),
    message: (r) => {
      const parts = [r.added ? `${r.added} added` : "", r.removed ? `${r.removed} removed` : ""].filter(Boolean);
      return parts.length ? `Fields asked: ${parts.join(", ")}.` : "Nothing changed.";
    },
  }),
  "update-states": change({
    permission: "request.edit",
    apiPath: "field-states",
    summary: "What came back for each field and code key (received, partial, withheld, not held, denied), in one timeline entry",
    schema: () => updateStatesSchema,
    run: (viewer, id, v) => updateFieldStates(viewer, id, v),
    message: (r) => (r.changed ? `Saved what came back for ${r.changed} ${r.changed === 1 ? "field" : "fields"}.` : "Nothing changed."),
  }),
  "set-code-keys": change({
    permission: "request.edit",
    apiPath: "code-keys",
    summary: "The code lists and data dictionaries needed to read the data",
    schema: () => codeKeysSchema,
    run: (viewer, id, v) => setCodeKeys(viewer, id, v),
    message: (r) => {
      const parts = [r.added ? `${r.added} added` : "", r.removed ? `${r.removed} removed` : ""].filter(Boolean);
      return parts.length ? `To read the data: ${parts.join(", ")}.` : "Nothing changed.";
    },
  }),
} as const;

/** The changes made on the request's fields page rather than on its main page. */
export const FIELDS_PAGE_CHANGES = ["edit-ask", "set-fields", "update-states", "set-code-keys"] as const satisfies readonly (keyof typeof REQUEST_CHANGES)[];

export type RequestChangeName = keyof typeof REQUEST_CHANGES;
export const REQUEST_CHANGE_NAMES = Object.keys(REQUEST_CHANGES) as RequestChangeName[];

export function isRequestChangeName(name: unknown): name is RequestChangeName {
  return typeof name === "string" && Object.hasOwn(REQUEST_CHANGES, name);
}

export function isFieldsPageChange(name: unknown): name is (typeof FIELDS_PAGE_CHANGES)[number] {
  return typeof name === "string" && (FIELDS_PAGE_CHANGES as readonly string[]).includes(name);
}

export function requestChangeByApiPath(path: string): RequestChangeName | null {
  return REQUEST_CHANGE_NAMES.find((name) => REQUEST_CHANGES[name].apiPath === path) ?? null;
}

/** The parsed form, to answer a form with its fields' errors (Conform's reply). */
type Submission = { reply: (options?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => SubmissionResult<string[]> };

export type ChangeOutcome =
  | { kind: "invalid"; submission: Submission; fieldErrors: Record<string, string[]>; status: 400 }
  | { kind: "forbidden"; submission: Submission; fieldErrors: Record<string, string[]>; status: 403 }
  | { kind: "refused"; submission: Submission; fieldErrors: Record<string, string[]>; status: 400 | 409; flaggedFiles: unknown; conflict: unknown }
  | { kind: "not-found" }
  | { kind: "done"; submission: Submission; message: string; value: unknown };

/**
 * Applies one change to a request from form-shaped input (a form post, or the API's JSON turned into the same
 * fields), after the caller's permission check (`permissionFor`).
 */
export async function applyRequestChange(
  viewer: Viewer,
  requestId: string,
  name: RequestChangeName,
  input: FormData | URLSearchParams,
  context: ChangeContext,
): Promise<ChangeOutcome> {
  const spec = REQUEST_CHANGES[name] as unknown as RequestChange<z.ZodTypeAny, unknown>;
  const submission = parseWithZod(input, { schema: spec.schema(context.today) });
  if (submission.status !== "success") {
    const fieldErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0));
    return { kind: "invalid", submission, fieldErrors, status: 400 };
  }
  const refusal = spec.refuse ? await spec.refuse(viewer, requestId, submission.value, context) : null;
  if (refusal) return { kind: "forbidden", submission, fieldErrors: { [refusal.field]: [refusal.message] }, status: 403 };
  const result = await spec.run(viewer, requestId, submission.value, context);
  if (!result) return { kind: "not-found" };
  if (!result.ok) {
    return {
      kind: "refused",
      submission,
      fieldErrors: result.fieldErrors,
      status: result.conflict ? 409 : 400,
      flaggedFiles: result.flaggedFiles ?? null,
      conflict: result.conflict ?? null,
    };
  }
  return { kind: "done", submission, message: spec.message(result.value, submission.value), value: result.value };
}

/** The permission a change needs before anything is read. */
export function permissionFor(name: RequestChangeName): Permission {
  return REQUEST_CHANGES[name].permission;
}

/**
 * JSON input as the form fields the change's schema reads (strings; lists as repeated fields; booleans as
 * "true"/"false"), with the change's name as the form's intent.
 */
export function formFieldsOf(name: RequestChangeName, body: Record<string, unknown>): URLSearchParams | { field: string; message: string } {
  const fields = new URLSearchParams({ intent: name });
  const scalar = (key: string, v: unknown): boolean => {
    if (v === null || v === undefined) fields.append(key, "");
    else if (typeof v === "string") fields.append(key, v);
    else if (typeof v === "number" && Number.isFinite(v)) fields.append(key, String(v));
    else if (typeof v === "boolean") fields.append(key, v ? "true" : "false");
    else return false;
    return true;
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === "intent") continue;
    const values = Array.isArray(value) ? value : [value];
    for (const [i, v] of values.entries()) {
      // A list of objects (each field's state and note...) becomes the form's `key[i].name` fields, one level deep.
      if (Array.isArray(value) && typeof v === "object" && v !== null && !Array.isArray(v)) {
        for (const [sub, subValue] of Object.entries(v as Record<string, unknown>)) {
          if (!scalar(`${key}[${i}].${sub}`, subValue)) return { field: `${key}[${i}].${sub}`, message: "Must be a string, a number or a boolean" };
        }
      } else if (!scalar(key, v)) return { field: key, message: "Must be a string, a number, a boolean or a list of them" };
    }
  }
  return fields;
}

/** The change's input schema (a bulk change parses its form once with it, then runs the change on each request). */
export function requestChangeSchema(name: RequestChangeName, today: string): z.ZodTypeAny {
  return (REQUEST_CHANGES[name] as unknown as RequestChange<z.ZodTypeAny, unknown>).schema(today);
}

export type ParsedChangeOutcome = { kind: "done" } | { kind: "not-found" } | { kind: "refused"; message: string };

/**
 * One change on one request, from input already parsed by requestChangeSchema: the same refusal check and
 * domain call as applyRequestChange (so the same permission, visibility rule and timeline entry), after the
 * caller's permission check. A refusal comes back as its first message.
 */
export async function applyParsedRequestChange(
  viewer: Viewer,
  requestId: string,
  name: RequestChangeName,
  value: unknown,
  context: ChangeContext,
): Promise<ParsedChangeOutcome> {
  const spec = REQUEST_CHANGES[name] as unknown as RequestChange<z.ZodTypeAny, unknown>;
  const refusal = spec.refuse ? await spec.refuse(viewer, requestId, value, context) : null;
  if (refusal) return { kind: "refused", message: refusal.message };
  const result = await spec.run(viewer, requestId, value, context);
  if (!result) return { kind: "not-found" };
  if (!result.ok) return { kind: "refused", message: Object.values(result.fieldErrors).flat()[0] ?? "Refused" };
  return { kind: "done" };
}
