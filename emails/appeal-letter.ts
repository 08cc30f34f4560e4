import { paragraph, renderMessage, type Block, type RenderedMessage } from "./document";
import { lawReference, letterDate } from "./format";
import { dateLine, greeting, replyInstruction, requestReference, signature } from "./letter-parts";
import type { LetterData } from "./types";

/**
 * An appeal after a denial: addressed to the body the law names (the agency's head, or an office such as
 * Pennsylvania's Office of Open Records), citing the provision and the deadline; names the decision and asks
 * for the records or their segregable parts.
 */
export function appealLetter(data: LetterData): RenderedMessage {
  const appeal = data.appeal ?? null;
  const toOtherBody = appeal !== null && !appeal.toAgency;
  const blocks: Block[] = [dateLine(data)];
  if (toOtherBody) {
    blocks.push(paragraph(`To ${appeal.body}${appeal.address ? `\n${appeal.address}` : ""}:`));
  } else {
    blocks.push(greeting(data, "Appeals Officer"));
  }
  const decision = data.denial?.on ? `the denial, dated ${letterDate(data.denial.on)},` : "the denial";
  const by = toOtherBody ? ` by ${data.agencyName}` : "";
  blocks.push(paragraph(`I appeal ${decision}${by} of ${requestReference(data)} for records about: ${data.title}.`));
  if (appeal && (appeal.cite || appeal.dueDate)) {
    const under = appeal.cite ? ` under ${appeal.cite}` : "";
    const when = appeal.dueDate ? `, within the time the law allows (by ${letterDate(appeal.dueDate)})` : "";
    blocks.push(paragraph(`This appeal is made${under}${when}.`));
  }
  if (data.denial?.reason?.trim()) blocks.push(paragraph(`The reason given was: "${data.denial.reason.trim()}"`));
  const law = data.law ? ` under ${lawReference(data.law)}` : "";
  blocks.push(
    paragraph(
      data.recipientKind === "vendor" && !data.law
        ? "Please reconsider the request: what I ask for describes the work of the public agencies that use your product. " +
            "Please send what you can, and tell me what you cannot provide and why."
        : `I believe these records are public${law}, and that any information that is truly exempt can be redacted so the rest is released. ` +
            "Please reconsider the request and release the records, or every reasonably segregable part of them, " +
            "and identify the specific exemption claimed for anything still withheld.",
    ),
  );
  blocks.push(paragraph("The records requested were:"), paragraph(data.description.trim()));
  blocks.push(replyInstruction(data), signature(data));
  const tracking = data.trackingNumber ? ` ${data.trackingNumber}` : "";
  return renderMessage(`Appeal of request${tracking}: ${data.title}`, blocks);
}
