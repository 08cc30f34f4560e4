import { paragraph, type Block } from "./document";
import { letterDate, lawReference, responsePeriod } from "./format";
import type { LetterData } from "./types";

export function dateLine(data: LetterData): Block {
  return paragraph(letterDate(data.today));
}

export function greeting(data: LetterData, office = "Records Officer"): Block {
  if (data.recipientKind === "vendor") {
    const contact = data.contactName?.trim();
    return paragraph(contact ? `To ${contact}, ${data.agencyName}:` : `To ${data.agencyName}:`);
  }
  return paragraph(`To the ${data.contactName?.trim() || office}, ${data.agencyName}:`);
}

/** "my request of November 2, 2026 (tracking number 26-114)". */
export function requestReference(data: LetterData): string {
  const filed = data.filedOn ? ` of ${letterDate(data.filedOn)}` : "";
  const tracking = data.trackingNumber ? ` (tracking number ${data.trackingNumber})` : "";
  return `my request${filed}${tracking}`;
}

/** What the law requires, with the due date when one is known. */
export function deadlineSentence(data: LetterData, tense: "future" | "past"): string | null {
  const due = data.dueDate ? letterDate(data.dueDate) : null;
  if (data.law) {
    const period = responsePeriod(data.law);
    const law = lawReference(data.law);
    const provision = data.law.responseCite && data.law.responseCite !== data.law.citation ? ` (${data.law.responseCite})` : "";
    if (tense === "past" && due) return `Under ${law}, a response was due by ${due}.`;
    if (period) {
      const required = `${law.charAt(0).toUpperCase()}${law.slice(1)} requires a response within ${period} of receipt${provision}`;
      return due ? `${required}; by my count, that is by ${due}.` : `${required}.`;
    }
    return due ? `Under ${law}, I ask for a response by ${due}.` : `Under ${law}, I ask for a prompt response.`;
  }
  if (due) return tense === "past" ? `A response was due by ${due}.` : `I ask for a response by ${due}.`;
  return null;
}

export function replyInstruction(data: LetterData): Block {
  return paragraph(
    `Please send your response, and any questions, by replying to this email (${data.replyAddress}) so that it is filed with this request.`,
  );
}

export function signature(data: LetterData): Block {
  return paragraph(`Thank you,\n${data.requesterName}\n${data.organizationName}`);
}

/** "Right-to-Know Law request", "Public records request", or for a vendor "Request for records". */
export function requestNoun(data: LetterData): string {
  if (data.law) return `${data.law.lawName} request`;
  return data.recipientKind === "vendor" ? "Request for records" : "Public records request";
}
