import type { MailClassification } from "../../../db/schema/values";

// Tells a received message apart: the agency's reply, an automatic reply, or a bounce of our letter. Pure: the
// caller reads the message (app/domain/mail/mail-facts.server.ts) and stores the result. The rules, and what
// each family of real messages looks like, are in tests/fixtures/mail/README.md.
//
// Order matters:
// 1. Bounces first. Mail servers mark their bounces as automatic too (Exim adds Auto-Submitted: auto-generated,
//    Postfix auto-replied), so a bounce must never be taken for an out-of-office.
// 2. Records portals (GovQA, NextRequest, JustFOIA) next. Their mail is machine-sent and some of it says so in
//    its headers, but it is the agency answering on the request (acknowledgements with a reference number,
//    messages from staff, released records), so it counts as a reply.
// 3. Automatic replies: RFC 3834's Auto-Submitted, the older X-Autoreply / X-Autorespond / Precedence headers,
//    Exchange's inbox-rule and out-of-office markers, an out-of-office subject, or an empty return path.
//    X-Auto-Response-Suppress is NOT a sign: Outlook puts it on ordinary mail to ask others not to answer
//    automatically. Words in the body ("I was out of the office last week") are never enough on their own.

export interface MailPart {
  /** Lower-cased media type, e.g. "message/delivery-status". */
  contentType: string;
  filename: string | null;
  /** The part's decoded bytes as text (only parts small enough to read: DSNs, returned headers). */
  content: string;
}

/** What the classifier reads from a message. */
export interface MailFacts {
  /** Header lines of the top level, names lower-cased, values unfolded, in order (a name may repeat). */
  headers: ReadonlyArray<readonly [string, string]>;
  subject: string;
  fromAddress: string | null;
  fromName: string | null;
  /** The readable text (the text part, or the HTML part as text). */
  text: string;
  /** Top-level media type, lower-cased ("multipart/report"), and its report-type parameter. */
  contentType: string;
  reportType: string | null;
  /** Attachments and other non-text parts (delivery-status, returned message or headers). */
  parts: readonly MailPart[];
  /** The SMTP envelope sender when it came by SMTP ("" for the null sender <>); undefined for an upload. */
  envelopeFrom?: string;
}

export interface BounceDetails {
  /** The address that could not be reached (the first one when several failed). */
  address: string | null;
  /** Every failed address found. */
  addresses: string[];
  /** What the receiving server said, cleaned up, with the RFC 3463 meaning when the status is known. */
  reason: string;
  /** RFC 3463 enhanced status code, e.g. "5.1.1". */
  status: string | null;
  /** The Message-ID of the letter that bounced, when the bounce carries its headers. */
  originalMessageId: string | null;
  /** The To of the letter that bounced, when the bounce carries its headers. */
  originalTo: string | null;
}

export interface ClassificationResult {
  classification: MailClassification;
  /** Why, in words a person can check ("Header Auto-Submitted: auto-replied (RFC 3834)"). */
  reason: string;
  bounce: BounceDetails | null;
  /** The records portal that sent it, when it is one. */
  portal: string | null;
}

const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/;
const ADDRESS_G = new RegExp(ADDRESS.source, "g");
const STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
/** An SMTP reply in a bounce's text: "550 5.1.1 <addr>...", "554-5.7.1 ...", "550 Requested action not taken". */
const SMTP_REPLY = /(?:^|[\s:(])[45]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<])/;

/** Tags that gateways and mail filters put before a subject: [EXTERNAL], *EXTERNAL*, EXTERNAL:, [SPAM]... */
function bareSubject(subject: string): string {
  let s = subject.trim();
  for (let i = 0; i < 4; i++) {
    const next = s.replace(/^(?:\[[^\]]{1,30}\]|\*{1,3}[A-Z ]{3,20}\*{1,3}|(?:EXTERNAL|EXT|CAUTION|WARNING|SPAM|SUSPICIOUS)\s*:)\s*/i, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

function header(facts: MailFacts, name: string): string | null {
  const found = facts.headers.find(([n]) => n === name);
  return found ? found[1] : null;
}

function headerValues(facts: MailFacts, name: string): string[] {
  return facts.headers.filter(([n]) => n === name).map(([, v]) => v);
}

// ---------------------------------------------------------------------------------------------------------
// RFC 3463 status codes, for a reason a person can read (IANA SMTP Enhanced Status Codes registry).

const STATUS_MEANINGS: Record<string, string> = {
  "1.0": "something about the address",
  "1.1": "the mailbox does not exist",
  "1.2": "the domain does not exist or takes no mail",
  "1.3": "the address is not valid",
  "1.4": "the address is ambiguous",
  "1.6": "the mailbox has moved, with no forwarding address",
  // RFC 7505 defines X.1.10 as "null MX"; Microsoft 365 uses 5.1.10 for an unknown recipient.
  "1.10": "the recipient was not found, or its domain takes no mail",
  "2.0": "a problem with the mailbox",
  "2.1": "the mailbox is disabled and takes no mail",
  "2.2": "the mailbox is full",
  "2.3": "the message is larger than the mailbox accepts",
  "3.0": "a problem with the receiving mail system",
  "3.4": "the message is too big for the receiving system",
  "4.0": "a network or routing problem",
  "4.4": "the message could not be routed",
  "4.7": "delivery took too long and the message expired",
  "5.0": "a mail protocol problem",
  "7.0": "refused by the receiving system's policy",
  "7.1": "refused: delivery not authorized",
  "7.26": "refused: the message failed the receiving system's authentication checks",
};

export function statusMeaning(status: string | null): string | null {
  if (!status) return null;
  const match = STATUS.exec(status);
  if (!match) return null;
  const detail = STATUS_MEANINGS[`${match[2]}.${match[3]}`];
  if (detail) return detail;
  return match[1] === "4" ? "a temporary failure" : match[1] === "5" ? "a permanent failure" : null;
}

// ---------------------------------------------------------------------------------------------------------
// RFC 3464 delivery status notifications

interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

/** Groups of "Name: value" fields separated by blank lines; the first group is per message, the rest per recipient. */
function fieldGroups(content: string): Array<Map<string, string>> {
  const groups: Array<Map<string, string>> = [];
  let current = new Map<string, string>();
  let last: string | null = null;
  for (const line of content.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      if (current.size) groups.push(current);
      current = new Map();
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line) && last) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    current.set(last, line.slice(colon + 1).trim());
  }
  if (current.size) groups.push(current);
  return groups;
}

/** "rfc822; records@city.gov" -> "records@city.gov"; "smtp; 550 ..." -> "550 ...". */
function typedValue(value: string | undefined): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(";");
  const bare = (semicolon >= 0 && semicolon < 20 ? value.slice(semicolon + 1) : value).trim();
  return bare || null;
}

function addressIn(value: string | null): string | null {
  if (!value) return null;
  return ADDRESS.exec(value)?.[0].toLowerCase() ?? null;
}

export function readDeliveryStatus(content: string): DsnRecipient[] {
  return fieldGroups(content)
    .filter((g) => g.has("final-recipient") || g.has("original-recipient") || g.has("action"))
    .map((g) => ({
      finalRecipient: addressIn(typedValue(g.get("final-recipient"))),
      originalRecipient: addressIn(typedValue(g.get("original-recipient"))),
      action: g.get("action")?.toLowerCase().split(/\s/)[0] ?? null,
      status: STATUS.exec(g.get("status") ?? "")?.[0] ?? null,
      diagnostic: typedValue(g.get("diagnostic-code")),
    }));
}

const isDsnPart = (p: MailPart) => p.contentType === "message/delivery-status" || p.contentType === "message/global-delivery-status";

// ---------------------------------------------------------------------------------------------------------
// Bounces in text: the families that don't send (or whose gateway flattened) a machine-readable report.

const BOUNCE_SUBJECT =
  /^(?:undeliverable|undelivered mail|undeliverable mail|mail delivery failed|returned mail|delivery status notification \(failure\)|delivery failure|delivery_failure|failure notice|mail system error|message not delivered|delivery has failed|non remis|unzustellbar|onbestelbaar|no se puede entregar|non recapitabile|\[postmaster\] email delivery failure|email delivery failure|nondeliverable mail|undeliverable message)/i;

const DELAY_SUBJECT = /^(?:delayed mail \(still being retried\)|delivery status notification \(delay\)|warning: message .* delayed|delivery delayed|message delayed)/i;

/** Sentences only mail systems write in bounces (Exim, Postfix, Sendmail, Exchange, Domino, Gmail, qmail, Mimecast). */
const BOUNCE_BODY: readonly RegExp[] = [
  /this message was created automatically by mail delivery software/i,
  /could not be delivered to one or more of its recipients/i,
  /i'm sorry to have to inform you that your message could not\s+be delivered/i,
  /the following addresses had permanent fatal errors/i,
  /delivery has failed to these recipients or groups/i,
  /your message to \S+ couldn't be delivered/i,
  /your message (?:wasn't|was not|couldn't be|could not be) delivered/i,
  /\bwas not delivered to:\s/i,
  /delivery to the following recipients? failed permanently/i,
  /i wasn't able to deliver your message to the following addresses/i,
  /an email that you attempted to send to the following address could not be delivered/i,
  /\bRESOLVER\.[A-Z]{3}\.[A-Za-z]+/,
  /not listed in (?:the )?(?:Domino Directory|public Name & Address Book)/i,
  /\b55[0-4][ -]5\.\d{1,3}\.\d{1,3}\b/,
];

const DELAY_BODY = /this is a warning message only|delivery to the following recipient has been delayed|has not yet been delivered|no action is required on your part|will (?:continue to )?(?:retry|try)/i;

/** Mail systems' own senders: MAILER-DAEMON, postmaster, Exchange Online's "MicrosoftExchange…@….onmicrosoft.com". */
function isMailSystemSender(facts: MailFacts): boolean {
  const local = facts.fromAddress?.split("@")[0]?.toLowerCase() ?? "";
  if (/^(?:mailer-daemon|mailer_daemon|mailerdaemon|postmaster|mail-daemon|mdaemon)$/.test(local)) return true;
  if (/^microsoftexchange[0-9a-f]{20,}$/.test(local)) return true;
  return /^mail delivery (?:sub)?system$|^mail administrator$|^postmaster$/i.test(facts.fromName?.trim() ?? "");
}

function emptyReturnPath(facts: MailFacts): boolean {
  if (facts.envelopeFrom !== undefined) return facts.envelopeFrom.trim() === "";
  const returnPath = header(facts, "return-path");
  return returnPath !== null && /^<\s*>$/.test(returnPath.trim());
}

/** Lines of the bounce's own text, before the copy of the returned message. */
function bounceText(text: string): string {
  const cut = text.search(
    /^(?:-+\s*(?:This is a copy of the message|Original message|Original Message Headers|Message header follows|Returned message|Below this line is a copy)|Original message headers:|Original Message Details)/im,
  );
  return (cut >= 0 ? text.slice(0, cut) : text).replace(/\r\n?/g, "\n");
}

interface TextBounce {
  addresses: string[];
  reason: string | null;
}

/** Reads failed addresses and the server's words from the human-readable part, family by family. */
function bounceFromText(text: string, known: readonly string[] = []): TextBounce {
  const body = bounceText(text);
  const lines = body.split("\n");
  const addresses: string[] = [];
  const reasons: string[] = [];
  const add = (address: string | null | undefined) => {
    const a = addressIn(address ?? null);
    if (a && !addresses.includes(a)) addresses.push(a);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Postfix: "<records@city.gov>: host mx.city.gov[192.0.2.1] said: 550 5.1.1 ..." with indented continuation
    // lines; qmail: "<records@city.gov>:" alone, the reason on the lines below it up to a blank line.
    const angle = /^<([^<>\s]+@[^<>\s]+)>:\s*(.*)$/.exec(line);
    if (angle) {
      add(angle[1]);
      const rest = angle[2] ? [angle[2]] : [];
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== "" && (!angle[2] || /^\s+\S/.test(lines[j]!)); j++) rest.push(lines[j]!.trim());
      reasons.push(rest.find((r) => SMTP_REPLY.test(r)) ?? rest.join(" "));
      continue;
    }
    // "Your message was not delivered to the following recipient:" then the address.
    if (/not (?:be )?delivered to the following recipients?:?\s*$/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (ADDRESS.test(lines[j]!)) { add(lines[j]); break; }
      continue;
    }
    const labelled = /^\s*(?:Reason|Reported error|Error|Diagnostic(?:-Code)?)\s*:\s*(\S.*)$/i.exec(line);
    if (labelled) {
      reasons.push(labelled[1]!);
      continue;
    }
    // Exim: "The following address(es) failed:" then "  records@city.gov" and indented detail lines.
    if (/following address(?:\(es\)|es)? failed:/i.test(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === "") j++;
      if (j < lines.length) add(lines[j]);
      const detail: string[] = [];
      for (let k = j + 1; k < lines.length && (/^\s+\S/.test(lines[k]!) || lines[k]!.trim() === ""); k++) {
        if (lines[k]!.trim()) detail.push(lines[k]!.trim());
        else if (detail.length) break;
      }
      if (detail.length) reasons.push(detail.join(" "));
      continue;
    }
    // Sendmail: "----- The following addresses had permanent fatal errors -----" then "<addr>" and "(reason: ...)".
    if (/permanent fatal errors/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
        if (ADDRESS.test(lines[j]!) && !addresses.length) add(lines[j]);
        const because = /\(reason:\s*(.+?)\)?\s*$/i.exec(lines[j]!);
        if (because) reasons.push(because[1]!);
      }
      continue;
    }
    // Domino: "was not delivered to:" / "  addr" / "because:" / "  reason".
    if (/^\s*was not delivered to:\s*$/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (ADDRESS.test(lines[j]!)) { add(lines[j]); break; }
      continue;
    }
    if (/^\s*because:\s*$/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (lines[j]!.trim()) { reasons.push(lines[j]!.trim()); break; }
      continue;
    }
    // Gmail (older): "Delivery to the following recipient failed permanently:" then the indented address.
    if (/delivery to the following recipients? failed permanently/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (ADDRESS.test(lines[j]!)) { add(lines[j]); break; }
      continue;
    }
    if (/the error that the other server returned was:/i.test(line)) {
      const after = line.split(/returned was:/i)[1]?.trim() || lines[i + 1]?.trim();
      if (after) reasons.push(after);
      continue;
    }
    // Exchange: "Your message to records@city.gov couldn't be delivered." / "Delivery has failed to these recipients".
    const exchange = /your message to (\S+) couldn't be delivered/i.exec(line) ?? /wasn't delivered to (\S+) because/i.exec(line);
    if (exchange) {
      add(exchange[1]);
      continue;
    }
    if (/delivery has failed to these recipients or groups:/i.test(line)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (ADDRESS.test(lines[j]!)) { add(lines[j]); break; }
      continue;
    }
    const remote = /Remote Server (?:at \S+ (?:\([^)]*\) )?)?returned '([^']+)'/i.exec(line);
    if (remote) {
      reasons.push(remote[1]!);
      continue;
    }
    // Mimecast: "-- records@city.gov" then "-- 5.4.1 Recipient address rejected: Access denied."
    const mimecast = /^--\s+(\S.*)$/.exec(line);
    if (mimecast && /could not be delivered|problem appears to be|additional information/i.test(lines.slice(Math.max(0, i - 3), i).join(" "))) {
      if (ADDRESS.test(mimecast[1]!) && !/\s/.test(mimecast[1]!.trim())) add(mimecast[1]);
      else reasons.push(mimecast[1]!);
      continue;
    }
    // qmail: "<records@city.gov>:" alone on its line, the reason on the next lines.
    const qmail = /^<([^<>\s]+@[^<>\s]+)>:\s*$/.exec(line);
    if (qmail) add(qmail[1]);
  }
  // A failed address on its own (indented) line, the server's words indented below it.
  const failedAddress = addresses[0] ?? known[0];
  if (reasons.length === 0 && failedAddress) {
    const at = lines.findIndex((l) => l.trim().toLowerCase() === failedAddress);
    const indent = at >= 0 ? /^\s*/.exec(lines[at]!)![0].length : -1;
    const detail: string[] = [];
    for (let j = at + 1; at >= 0 && j < lines.length && /^\s*/.exec(lines[j]!)![0].length > indent && lines[j]!.trim(); j++) detail.push(lines[j]!.trim());
    if (detail.length) reasons.push(detail.join(" "));
  }
  // Any SMTP refusal in the text ("550 5.1.1 <addr>: Recipient address rejected").
  if (reasons.length === 0) {
    const refusal = lines.find((l) => SMTP_REPLY.test(l));
    if (refusal) reasons.push(refusal.trim().replace(/^[#>\s]+/, ""));
  }
  const nonEmpty = reasons.filter((r) => r.trim());
  return { addresses, reason: nonEmpty.find((r) => STATUS.test(r) || SMTP_REPLY.test(r)) ?? nonEmpty[0] ?? null };
}

/** Headers of the returned letter: a message/rfc822 or text/rfc822-headers part, or the copy after the marker. */
function originalHeaders(facts: MailFacts): Map<string, string> {
  const part = facts.parts.find((p) => p.contentType === "message/rfc822" || p.contentType === "text/rfc822-headers" || p.contentType === "message/global");
  let block = part?.content ?? null;
  if (!block) {
    const text = facts.text.replace(/\r\n?/g, "\n");
    const at = text.search(/^(?:-+\s*(?:This is a copy of the message|Original message|Original Message Headers|Message header follows|Returned message)|Original message headers:)/im);
    if (at >= 0) block = text.slice(text.indexOf("\n", at) + 1).replace(/^\s*\n/, "");
  }
  if (!block) return new Map();
  const headerBlock = block.replace(/\r\n?/g, "\n").split(/\n\s*\n/)[0] ?? "";
  return fieldGroups(headerBlock)[0] ?? new Map();
}

function cleanReason(text: string): string {
  let said = text
    .replace(/\s+/g, " ")
    .replace(/^#+|#+$/g, "")
    .replace(/^(?:smtp|x-postfix|x-unix);\s*/i, "")
    .trim();
  // Start at the server's reply when the text leads up to it ("host mx... said: 550 5.1.1 ...").
  const reply = /\b[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/.exec(said);
  if (reply && reply.index > 0) said = said.slice(reply.index);
  // A multi-line reply repeats its code on every line ("550-5.1.1 ... 550-5.1.1 ..."): keep the first.
  let first = true;
  said = said.replace(/\b[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\s+/g, (code) => (first ? ((first = false), code) : ""));
  return said.trim().slice(0, 400);
}

/** Statuses whose meaning is the same whoever sends them; others are left to the server's own words. */
const PLAIN_STATUSES = new Set(["1.1", "1.2", "1.10", "2.1", "2.2"]);

function describeReason(raw: string | null, status: string | null): string {
  const detail = status ? STATUS.exec(status) : null;
  const meaning = raw && !(detail && PLAIN_STATUSES.has(`${detail[2]}.${detail[3]}`)) ? null : statusMeaning(status);
  const said = raw ? cleanReason(raw) : "";
  if (said && meaning) return `${said} (${meaning})`;
  if (said) return said;
  if (meaning) return `${status}: ${meaning}`;
  return "the receiving mail server refused it";
}

interface BounceFinding {
  reason: string;
  details: BounceDetails;
}

/** A bounce, or a delivery-delay notice (kind "delay"), or nothing. */
function findBounce(facts: MailFacts): (BounceFinding & { kind: "bounce" | "delay" }) | null {
  const subject = bareSubject(facts.subject);
  const original = originalHeaders(facts);
  const originalMessageId =
    original.get("message-id")?.match(/<[^<>\s]+>/)?.[0] ??
    /message-id[^<\n]{0,40}(<[^<>\s]+@[^<>\s]+>)/i.exec(facts.text)?.[1] ??
    null;
  const originalTo = addressIn(original.get("to") ?? null);
  const dsnPart = facts.parts.find(isDsnPart);
  const reportedByDsn = dsnPart && (facts.contentType !== "multipart/report" || !facts.reportType || /delivery-status/i.test(facts.reportType));

  if (dsnPart && reportedByDsn) {
    const recipients = readDeliveryStatus(dsnPart.content);
    const failed = recipients.filter((r) => r.action === "failed" || (!r.action && r.status?.startsWith("5.")));
    if (failed.length > 0) {
      const first = failed[0]!;
      const fromText = bounceFromText(facts.text);
      const addresses = [...new Set(failed.map((r) => r.originalRecipient ?? r.finalRecipient).filter((a): a is string => !!a))];
      const status = first.status;
      const details: BounceDetails = {
        address: addresses[0] ?? fromText.addresses[0] ?? originalTo,
        addresses: addresses.length ? addresses : fromText.addresses,
        reason: describeReason(first.diagnostic ?? fromText.reason, status),
        status,
        originalMessageId,
        originalTo,
      };
      return { kind: "bounce", reason: "A delivery status notification (RFC 3464) reporting Action: failed", details };
    }
    if (recipients.some((r) => r.action === "delayed")) {
      const delayed = recipients.find((r) => r.action === "delayed")!;
      return {
        kind: "delay",
        reason: "A delivery status notification (RFC 3464) reporting Action: delayed: the mail server is still trying",
        details: { address: delayed.finalRecipient, addresses: [], reason: describeReason(delayed.diagnostic, delayed.status), status: delayed.status, originalMessageId, originalTo },
      };
    }
    if (recipients.length > 0) {
      return {
        kind: "delay",
        reason: `A delivery status notification (RFC 3464) reporting Action: ${recipients[0]!.action ?? "unknown"}: not a failure`,
        details: { address: recipients[0]!.finalRecipient, addresses: [], reason: "", status: recipients[0]!.status, originalMessageId, originalTo },
      };
    }
  }

  const failedHeader = headerValues(facts, "x-failed-recipients").join(",");
  const mailSystem = isMailSystemSender(facts);
  const nullSender = emptyReturnPath(facts);
  const body = bounceText(facts.text);
  const bodyMarker = BOUNCE_BODY.find((marker) => marker.test(body));
  const subjectMarker = BOUNCE_SUBJECT.test(subject);
  const delayed = DELAY_SUBJECT.test(subject) || (mailSystem && DELAY_BODY.test(body) && !bodyMarker && !subjectMarker);
  if (delayed && !failedHeader) {
    return {
      kind: "delay",
      reason: "A delivery-delay warning from a mail server: the letter has not bounced yet",
      details: { address: originalTo, addresses: [], reason: "", status: null, originalMessageId, originalTo },
    };
  }

  let why: string | null = null;
  if (failedHeader) why = "The mail server listed the address in X-Failed-Recipients (Exim)";
  else if ((mailSystem || nullSender) && (subjectMarker || bodyMarker)) {
    why = `A non-delivery report from ${mailSystem ? `the mail system (${facts.fromAddress ?? facts.fromName})` : "a mail server (empty return path)"}`;
  } else if (subjectMarker && bodyMarker) why = `A non-delivery report (subject "${subject.slice(0, 60)}")`;
  if (!why) return null;

  const headerAddresses = (failedHeader.match(ADDRESS_G) ?? []).map((a) => a.toLowerCase());
  const fromText = bounceFromText(facts.text, headerAddresses);
  const addresses = [...new Set([...headerAddresses, ...fromText.addresses])];
  const status = STATUS.exec(fromText.reason ?? "")?.[0] ?? STATUS.exec(body)?.[0] ?? null;
  return {
    kind: "bounce",
    reason: why,
    details: {
      address: addresses[0] ?? originalTo,
      addresses,
      reason: describeReason(fromText.reason, status),
      status,
      originalMessageId,
      originalTo,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Records portals

const PORTALS: ReadonlyArray<{ name: string; domains: RegExp; subject?: RegExp; body?: RegExp }> = [
  {
    name: "GovQA",
    domains: /(?:^|\.)(?:mycusthelp\.(?:com|net)|govqa\.us)$/i,
    // GovQA puts the reference after two colons: "Public Records Request :: R000123-010126".
    subject: /::\s*[A-Z]{1,2}\d{5,8}-\d{6}\b/,
    body: /given the reference number\s+[A-Z]{1,2}\d{5,8}-\d{6}/i,
  },
  {
    name: "NextRequest",
    domains: /(?:^|\.)nextrequest\.com$/i,
    subject: /\[(?:External Message Added|Document Released(?: to Requester)?|Request (?:Closed|Reopened))\]|record request #?\d{2}-\d{1,6}\b/i,
    body: /regarding (?:public )?record request #?\d{2}-\d{1,6}/i,
  },
  { name: "JustFOIA", domains: /(?:^|\.)justfoia\.com$/i },
];

function findPortal(facts: MailFacts): string | null {
  const domain = facts.fromAddress?.split("@")[1] ?? "";
  for (const portal of PORTALS) {
    if (portal.domains.test(domain)) return portal.name;
    if (portal.subject?.test(facts.subject) || portal.body?.test(facts.text.slice(0, 5_000))) return portal.name;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Automatic replies

const OUT_OF_OFFICE_SUBJECT =
  /^(?:automatic reply|auto(?:matic)?[- ]?reply|auto[- ]?response|autoreply|auto:|out of (?:the )?office|ooo\b|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absence du bureau|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|fuori sede|automatisch antwoord|afwezig|autosvar|automatisk svar|fr[åa]nvaro|resposta autom[áa]tica|away from (?:the )?office|on vacation|vacation reply|i am out of the office)/i;

const OOF_MESSAGE_CLASS = /Rules\.(?:External)?OofTemplate|Rules\.ReplyTemplate/i;

function findAutoReply(facts: MailFacts): string | null {
  const autoSubmitted = header(facts, "auto-submitted");
  const keyword = autoSubmitted?.split(/[;\s]/)[0]?.toLowerCase();
  if (keyword && keyword !== "no") return `Header Auto-Submitted: ${keyword} (RFC 3834)`;
  for (const [name, label] of [["x-autoreply", "X-Autoreply"], ["x-autorespond", "X-Autorespond"], ["x-autoresponder", "X-Autoresponder"]] as const) {
    const value = header(facts, name);
    if (value !== null && !/^(?:no|false|0)$/i.test(value.trim())) return `Header ${label}: ${value.trim().slice(0, 40)}`;
  }
  for (const name of ["precedence", "x-precedence"]) {
    const value = header(facts, name)?.trim().toLowerCase();
    if (value && ["auto_reply", "bulk", "junk"].includes(value)) return `Header ${name === "precedence" ? "Precedence" : "X-Precedence"}: ${value}`;
  }
  if (header(facts, "x-ms-exchange-inbox-rules-loop") !== null) return "Header X-MS-Exchange-Inbox-Rules-Loop: sent by an Exchange inbox rule (out of office)";
  const messageClass = facts.headers.find(([name, value]) => (name.startsWith("x-ms-exchange") || name === "x-message-class" || name === "content-class") && OOF_MESSAGE_CLASS.test(value));
  if (messageClass) return `Exchange message class ${OOF_MESSAGE_CLASS.exec(messageClass[1])![0]} (an out-of-office template)`;
  const subject = bareSubject(facts.subject);
  if (OUT_OF_OFFICE_SUBJECT.test(subject)) return `Out-of-office subject "${subject.slice(0, 60)}"`;
  if (facts.contentType === "multipart/report" && /disposition-notification/i.test(facts.reportType ?? "")) return "A read receipt (RFC 8098 disposition notification)";
  if (emptyReturnPath(facts)) return "Sent with an empty return path (<>), as only automatic mail is";
  return null;
}

export function classifyMail(facts: MailFacts): ClassificationResult {
  const bounce = findBounce(facts);
  if (bounce?.kind === "bounce") return { classification: "bounce", reason: bounce.reason, bounce: bounce.details, portal: null };
  if (bounce?.kind === "delay") return { classification: "auto_reply", reason: bounce.reason, bounce: null, portal: null };
  const portal = findPortal(facts);
  if (portal) {
    return {
      classification: "reply",
      reason: `Sent by the agency's records portal (${portal}): it speaks for the agency, even where marked automatic`,
      bounce: null,
      portal,
    };
  }
  const auto = findAutoReply(facts);
  if (auto) return { classification: "auto_reply", reason: auto, bounce: null, portal: null };
  return { classification: "reply", reason: "No sign of an automatic message or a bounce", bounce: null, portal: null };
}

export const CLASSIFICATION_LABELS: Record<MailClassification, string> = {
  reply: "Reply",
  auto_reply: "Automatic reply",
  bounce: "Bounce",
};
