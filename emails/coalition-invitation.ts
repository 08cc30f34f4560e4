import { paragraph, renderMessage, type RenderedMessage } from "./document";
import { shortDay } from "./format";
import type { IsoDate } from "./types";

export interface CoalitionInvitationData {
  coalitionName: string;
  invitingOrganization: string;
  invitedBy: string;
  acceptUrl: string;
  expiresOn: IsoDate;
}

/** An invitation for another organization to join a coalition; an admin of that organization accepts it. */
export function coalitionInvitationMessage(data: CoalitionInvitationData): RenderedMessage {
  return renderMessage(
    `${data.invitingOrganization} invites your organization to the coalition ${data.coalitionName}`,
    [
      paragraph(`${data.invitedBy} of ${data.invitingOrganization} invites your organization to join the coalition "${data.coalitionName}" on JointAsk.`),
      paragraph(
        "Members share what they learn about vendors (products, which agencies run them, and the evidence), their joint asks, and the requests they don't mark private. Each organization keeps its own requests and decides what it shares.",
      ),
      paragraph(`An admin of your organization can accept here, signed in to JointAsk (the link works once, until ${shortDay(data.expiresOn)}):`),
      paragraph(data.acceptUrl),
    ],
    [{ text: "See the invitation", href: data.acceptUrl }],
  );
}
