import { paragraph, renderMessage, type Block, type RenderedMessage } from "./document";
import { dateLine, deadlineSentence, greeting, replyInstruction, requestReference, signature } from "./letter-parts";
import type { LetterData } from "./types";

/** A follow-up when the answer is late: cites the request, its tracking number and the date it was due. */
export function followUpLetter(data: LetterData): RenderedMessage {
  const overdue = Boolean(data.dueDate && data.dueDate < data.today);
  const blocks: Block[] = [dateLine(data), greeting(data)];
  blocks.push(paragraph(`I am writing to follow up on ${requestReference(data)} for records about: ${data.title}.`));
  const deadline = deadlineSentence(data, overdue ? "past" : "future");
  const status = overdue ? " I have not yet received a response." : "";
  if (deadline || status) blocks.push(paragraph(`${deadline ?? ""}${status}`.trim()));
  blocks.push(
    paragraph(
      "Please let me know the status of the request and when I can expect the records. " +
        "If you need anything from me to process it, or the records can be released in parts, please say so.",
    ),
  );
  blocks.push(replyInstruction(data), signature(data));
  const tracking = data.trackingNumber ? ` ${data.trackingNumber}` : "";
  return renderMessage(`Follow-up on request${tracking}: ${data.title}`, blocks);
}
