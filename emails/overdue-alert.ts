import { paragraph, renderMessage, type RenderedMessage } from "./document";
import { shortDay } from "./format";
import type { IsoDate } from "./types";

export interface OverdueAlertData {
  userName: string;
  requestNumber: number;
  title: string;
  agencyName: string;
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
        `${data.userName}, the ${data.agencyName} has not answered request #${data.requestNumber}, "${data.title}", which was due on ${shortDay(data.dueDate)}.`,
      ),
      paragraph("You can send the agency a follow-up letter that cites the law and the due date, ready to edit:"),
      paragraph(data.followUpUrl),
    ],
    [{ text: "Open the request", href: data.requestUrl }, { text: "Email preferences", href: data.preferencesUrl }],
  );
}
