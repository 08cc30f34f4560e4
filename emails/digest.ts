import { heading, list, paragraph, renderMessage, type Block, type RenderedMessage } from "./document";
import { shortDay } from "./format";
import type { IsoDate } from "./types";

export interface DigestItem {
  number: number;
  title: string;
  agencyName: string;
  statusLabel: string;
  /** The date the section is about: due date or next-action date. */
  date?: IsoDate | null;
  url: string;
}

export interface DigestData {
  userName: string;
  organizationName: string;
  today: IsoDate;
  requestsUrl: string;
  preferencesUrl: string;
  overdue: DigestItem[];
  dueThisWeek: DigestItem[];
  waitingOnUs: DigestItem[];
  nextActions: DigestItem[];
}

export function digestIsEmpty(data: Record<"overdue" | "dueThisWeek" | "waitingOnUs" | "nextActions", readonly unknown[]>): boolean {
  return !data.overdue.length && !data.dueThisWeek.length && !data.waitingOnUs.length && !data.nextActions.length;
}

function section(title: string, items: DigestItem[], dateLabel: string): Block[] {
  if (items.length === 0) return [];
  return [
    heading(`${title} (${items.length})`),
    list(
      items.map((item) => ({
        text: `#${item.number} ${item.title} — ${item.agencyName} · ${item.statusLabel}${item.date ? ` · ${dateLabel} ${shortDay(item.date)}` : ""}`,
        href: item.url,
      })),
    ),
  ];
}

/** The daily digest: what is overdue, due this week, waiting on us, and the next actions planned. */
export function digestMessage(data: DigestData): RenderedMessage {
  const counts = [
    data.overdue.length ? `${data.overdue.length} overdue` : null,
    data.dueThisWeek.length ? `${data.dueThisWeek.length} due this week` : null,
    data.waitingOnUs.length ? `${data.waitingOnUs.length} waiting on us` : null,
  ].filter(Boolean);
  const blocks: Block[] = [
    paragraph(`Hello ${data.userName}, here is where your requests at ${data.organizationName} stand today, ${shortDay(data.today)}. It covers requests assigned to you and requests nobody is assigned to.`),
    ...section("Overdue", data.overdue, "was due"),
    ...section("Due this week", data.dueThisWeek, "due"),
    ...section("Waiting on us", data.waitingOnUs, "next action"),
    ...section("Next actions", data.nextActions, "on"),
  ];
  return renderMessage(
    `JointAsk digest for ${shortDay(data.today)}${counts.length ? `: ${counts.join(", ")}` : ""}`,
    blocks,
    [{ text: "Open JointAsk", href: data.requestsUrl }, { text: "Email preferences", href: data.preferencesUrl }],
  );
}
