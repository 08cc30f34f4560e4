import { paragraph, renderMessage, type RenderedMessage } from "./document";
import { shortDay } from "./format";
import type { IsoDate } from "./types";

export interface UserInvitationData {
  organizationName: string;
  invitedBy: string;
  roleLabel: string;
  acceptUrl: string;
  expiresOn: IsoDate;
}

/** An invitation to join an organization on JointAsk with a role; the link works once. */
export function userInvitationMessage(data: UserInvitationData): RenderedMessage {
  return renderMessage(
    `${data.invitedBy} invites you to ${data.organizationName} on JointAsk`,
    [
      paragraph(`${data.invitedBy} invites you to join ${data.organizationName} on JointAsk as ${withArticle(data.roleLabel)}.`),
      paragraph("JointAsk tracks public-records requests to police departments and their vendors, with their legal deadlines."),
      paragraph(`Choose your name and password here (the link works once, until ${shortDay(data.expiresOn)}):`),
      paragraph(data.acceptUrl),
      paragraph("If you did not expect this invitation, ignore this message."),
    ],
    [{ text: "Accept the invitation", href: data.acceptUrl }],
  );
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word.toLowerCase()}`;
}
