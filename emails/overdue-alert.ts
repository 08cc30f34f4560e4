import { list, paragraph, renderMessage, type RenderedMessage } from "./document";
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

export interface OverdueSummaryData {
  userName: string;
  /** The requests that became overdue, as many as the message lists (the first OVERDUE_SUMMARY_LINES). */
  requests: ReadonlyArray<{ number: number; title: string; agencyName: string; dueDate: IsoDate; url: string }>;
  /** How many became overdue in all (more than are listed, for a long list). */
  total: number;
  /** The chase board, where every overdue request is, each with its follow-up letter. */
  chaseUrl: string;
  preferencesUrl: string;
}

/** At most this many requests are listed in one summary; the rest are counted, and on the chase board. */
export const OVERDUE_SUMMARY_LINES = 25;

/**
 * Sent instead of one alert per request when more than a few of a person's requests become overdue at once (a
 * busy morning, a large import, the first day after a pause): one message that lists them.
 */
export function overdueSummaryMessage(data: OverdueSummaryData): RenderedMessage {
  const shown = data.requests.slice(0, OVERDUE_SUMMARY_LINES);
  const more = data.total - shown.length;
  return renderMessage(
    `Overdue: ${data.total} requests`,
    [
      paragraph(`${data.userName}, ${data.total} of your requests have passed their due dates without an answer.`),
      list(shown.map((r) => ({ text: `#${r.number} ${r.title} — ${r.agencyName} · was due ${shortDay(r.dueDate)}`, href: r.url }))),
      ...(more > 0 ? [paragraph(`And ${more} more.`)] : []),
      paragraph(`Every overdue request is on the chase board, each with a follow-up letter ready to edit: ${data.chaseUrl}`),
    ],
    [{ text: "Open the chase board", href: data.chaseUrl }, { text: "Email preferences", href: data.preferencesUrl }],
  );
}
