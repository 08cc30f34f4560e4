import { z } from "zod";
import { REQUEST_VISIBILITIES, type RequestVisibility } from "../../db/schema/values";
import { formatDate } from "../utils/dates";
import { isoDate } from "./request-input";

// Words and input rules for who may see a request. Browser-safe.

export const VISIBILITY_LABELS: Record<RequestVisibility, string> = {
  private: "Private",
  coalition: "Coalition",
  public: "Public",
};

export const VISIBILITY_DESCRIPTIONS: Record<RequestVisibility, string> = {
  private: "Only your organization sees it.",
  coalition: "Your organization and the members of its coalition see it (only your organization when it has none).",
  public: "Anyone can read its public page: status, due dates, and the timeline entries and files not marked internal.",
};

/** "Public", "Public from Tue 1 Mar 2027" (embargoed), "Coalition", "Private". */
export function visibilityLabel(
  request: { visibility: RequestVisibility; embargoUntil: string | null },
  today: string,
): string {
  if (request.visibility === "public" && request.embargoUntil && request.embargoUntil > today) {
    return `Public from ${formatDate(request.embargoUntil, today)}`;
  }
  return VISIBILITY_LABELS[request.visibility];
}

export const visibilityFormSchema = z
  .object({
    visibility: z.enum(REQUEST_VISIBILITIES, { error: "Choose who can see the request" }),
    // Received files the app flagged for personal data that the coordinator publishes anyway, one by one.
    confirmFileIds: z.array(z.string().uuid("Choose a file of this request")).max(500).default([]),
    embargoUntil: isoDate("Embargo date").optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((v) => v.visibility === "public" || !v.embargoUntil, {
    path: ["embargoUntil"],
    message: "Only a public request can have an embargo date",
  });
export type VisibilityInput = z.infer<typeof visibilityFormSchema>;

export const entryVisibilitySchema = z.object({
  entryType: z.enum(["event", "file"], { error: "Say whether it is a timeline entry or a file" }),
  entryId: z.string().uuid("Choose an entry of this request"),
  internal: z.enum(["true", "false"], { error: "Say whether to hide or show it" }).transform((v) => v === "true"),
});

/** A URL-safe name for a public page: the title's words and a random tail, so pages can't be enumerated. */
export function publicSlug(title: string, randomTail: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return words ? `${words}-${randomTail}` : randomTail;
}
