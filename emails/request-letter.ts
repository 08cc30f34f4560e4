import { list, paragraph, renderMessage, type Block, type RenderedMessage } from "./document";
import { lawReference, periodText, recipientName } from "./format";
import { dateLine, deadlineSentence, greeting, replyInstruction, requestNoun, signature } from "./letter-parts";
import type { DetailWanted, LetterData } from "./types";

const DETAIL_SENTENCES: Record<DetailWanted, string> = {
  record_level: "I ask for record-level data, one row for each stop, call, complaint or other record, not only counts or totals.",
  aggregate: "Counts and totals are enough; I do not ask for the individual records.",
};

/** The first letter: what is asked, under which law, in what form, and how to answer. */
export function requestLetter(data: LetterData): RenderedMessage {
  const blocks: Block[] = [dateLine(data), greeting(data)];
  const vendor = data.recipientKind === "vendor";
  const under = data.law ? `Under ${lawReference(data.law)}, I` : "I";
  blocks.push(
    paragraph(
      vendor && !data.law
        ? `I ask ${data.agencyName} for copies of the following records, or for the information needed to obtain them:`
        : `${under} request copies of the following records held by ${recipientName(data.agencyName, data.recipientKind)}:`,
    ),
  );
  blocks.push(paragraph(data.description.trim()));

  const asked = (data.fields ?? []).filter((f) => f.recordType.trim());
  if (asked.length > 0) {
    const withFields = asked.some((f) => f.fields.length > 0);
    blocks.push(paragraph(withFields ? "Specifically, I ask for these records and fields:" : "Specifically, I ask for these kinds of records:"));
    blocks.push(list(asked.map((f) => (f.fields.length > 0 ? `${f.recordType}: ${f.fields.join(", ")}` : f.recordType))));
  }
  if (data.detailLevel) blocks.push(paragraph(`Detail: ${DETAIL_SENTENCES[data.detailLevel]}`));

  const period = data.period ? periodText(data.period) : null;
  if (period) blocks.push(paragraph(`Period: records dated ${period}.`));
  if (data.format?.trim()) blocks.push(paragraph(`Format: please provide the records electronically, as ${data.format.trim()}.`));
  if (data.deidentification?.trim()) blocks.push(paragraph(`De-identification: ${data.deidentification.trim()}`));

  const deadline = deadlineSentence(data, "future");
  if (deadline) blocks.push(paragraph(deadline));
  blocks.push(
    paragraph(
      vendor && !data.law
        ? "If you can provide only part of this, please send that part and tell me what you cannot provide and why. " +
            "If there will be costs, please tell me the amount before you incur them."
        : "If you withhold any part of these records, please cite the specific exemption you rely on and release the rest. " +
            "If there will be fees, please tell me the amount before you incur them.",
    ),
  );
  blocks.push(replyInstruction(data), signature(data));
  // Once the agency has given its reference (e.g. a letter sent again after a bounce), the subject quotes it.
  const tracking = data.trackingNumber ? ` ${data.trackingNumber}` : "";
  return renderMessage(`${requestNoun(data)}${tracking}: ${data.title}`, blocks);
}
