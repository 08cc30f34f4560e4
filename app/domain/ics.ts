// A small iCalendar (RFC 5545) writer for the calendar feed: all-day events only. It writes lines directly, with
// no per-event validation: the feed's values are built by the app (dates from the database, text escaped here),
// so what a general-purpose library checks for every event cannot go wrong here. Pure; unit-tested by parsing
// its output with ical.js.

export interface AllDayEvent {
  uid: string;
  /** YYYY-MM-DD; the event lasts that one day. */
  on: string;
  title: string;
  description: string;
  url: string;
  categories: readonly string[];
}

export interface CalendarHeader {
  productId: string;
  name: string;
  description?: string;
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** UTF-8 octets of one code point (a string of one character, as `for...of` yields). */
function octetsOf(char: string): number {
  const cp = char.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1): continuation lines start with one
 * space, which counts toward their 75. Never splits a UTF-8 character. Lines end with CRLF. Octets are counted
 * from code points (no encoding per character: a feed has thousands of lines).
 */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: 25 units always fit; an ASCII line fits when it has at most 75.
  if (line.length <= 25 || (line.length <= 75 && /^[\x00-\x7f]*$/.test(line))) return `${line}\r\n`;
  let out = "";
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > 75) {
      out += `${current}\r\n`;
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  return `${out}${current}\r\n`;
}

const compactDate = (iso: string) => iso.replaceAll("-", "");

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** UTC date-time in the basic format (20261205T143000Z). */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** Controls (CR, LF aside, which escaping turns into \n) are not allowed in TEXT or URI values. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** The whole calendar as one string (CRLF line ends). */
export function writeCalendar(header: CalendarHeader, events: Iterable<AllDayEvent>, now: Date = new Date()): string {
  const dtstamp = stamp(now);
  const parts: string[] = [
    foldLine("BEGIN:VCALENDAR"),
    foldLine("VERSION:2.0"),
    foldLine(`PRODID:${escapeText(clean(header.productId))}`),
    foldLine("CALSCALE:GREGORIAN"),
    foldLine("METHOD:PUBLISH"),
    foldLine(`X-WR-CALNAME:${escapeText(clean(header.name))}`),
  ];
  if (header.description) parts.push(foldLine(`X-WR-CALDESC:${escapeText(clean(header.description))}`));
  for (const e of events) {
    parts.push(
      "BEGIN:VEVENT\r\n",
      foldLine(`UID:${escapeText(clean(e.uid))}`),
      `DTSTAMP:${dtstamp}\r\n`,
      `DTSTART;VALUE=DATE:${compactDate(e.on)}\r\n`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(e.on))}\r\n`,
      foldLine(`SUMMARY:${escapeText(clean(e.title))}`),
      foldLine(`DESCRIPTION:${escapeText(clean(e.description))}`),
      foldLine(`URL:${clean(e.url).replace(/[\r\n]/g, "")}`),
      foldLine(`CATEGORIES:${e.categories.map((c) => escapeText(clean(c))).join(",")}`),
      "END:VEVENT\r\n",
    );
  }
  parts.push("END:VCALENDAR\r\n");
  return parts.join("");
}
