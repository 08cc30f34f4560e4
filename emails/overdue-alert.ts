import { paragraph, renderMessage, type RenderedMessage } from "./document";
import { recipientName, shortDay } from "./format";
import type { IsoDate, RecipientKind } from "./types";

export interface OverdueAlertData {
  userName: string;
  requestNumber: number;
  title: string;
  /** The agency's name, or the vendor's. */
  agencyName: string;
  recipientKind?: RecipientKind;
  dueDate: IsoDate;
  today: IsoDate;
  requestUrl: string;
  followUpUrl: string;
  preferencesUrl: string;
}

/** Sent once when a request passes its due date without an answer. */
export function overdueAlertMessage(data: OverdueAlertData): RenderedMessage {
  return renderMessage(
    `Overdue: #${data.requestNumber} ${data.title}`,
    [
      paragraph(
        `${data.userName}, ${recipientName(data.agencyName, data.recipientKind)} has not answered request #${data.requestNumber}, "${data.title}", which was due on ${shortDay(data.dueDate)}.`,
      ),
      paragraph(
        data.recipientKind === "vendor"
          ? "You can send the vendor a follow-up letter that names the due date, ready to edit:"
          : "You can send the agency a follow-up letter that cites the law and the due date, ready to edit:",
      ),
      paragraph(data.followUpUrl),
    ],
    [{ text: "Open the request", href: data.requestUrl }, { text: "Email preferences", href: data.preferencesUrl }],
  );
}
