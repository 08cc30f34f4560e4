import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, writeCalendar, type AllDayEvent } from "~/domain/ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (over: Partial<AllDayEvent> = {}): AllDayEvent => ({
  uid: "0b0c-due@jointask",
  on: "2026-12-31",
  title: "Due: #12 Use-of-force reports (Oakland Police Department)",
  description: "10 business days from receipt",
  url: "https://jointask.example/requests/0b0c",
  categories: ["JointAsk", "due"],
  ...over,
});

describe("the iCalendar writer", () => {
  it("writes a calendar ical.js reads back, all-day events ending the next day", () => {
    const text = writeCalendar({ productId: "jointask/calendar", name: "JointAsk: TRC", description: "From 5 Nov 2026 to 5 Dec 2027" }, [
      event(),
      event({ uid: "x-appeal@jointask", on: "2027-02-28", title: "Appeal deadline", categories: ["JointAsk", "appeal"] }),
    ], new Date("2026-12-05T14:30:00.123Z"));
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("jointask/calendar");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("JointAsk: TRC");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ["0b0c-due@jointask", "2026-12-31", "2027-01-01", true],
      ["x-appeal@jointask", "2027-02-28", "2027-03-01", true],
    ]);
    expect(events[0]!.summary).toBe("Due: #12 Use-of-force reports (Oakland Police Department)");
    expect(calendar.getAllSubcomponents("vevent")[0]!.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-12-05T14:30:00Z");
    expect(calendar.getAllSubcomponents("vevent")[1]!.getFirstProperty("categories")!.getValues()).toEqual(["JointAsk", "appeal"]);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("escapes text so commas, semicolons, backslashes and newlines come back as written", () => {
    const nasty = "Records; all of them, 2019\\2024\nSecond line\r\nThird; ünïcödé, 🚓";
    const text = writeCalendar({ productId: "p", name: "A, B; C" }, [event({ title: nasty, description: nasty, categories: ["JointAsk", "a,b"] })]);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).toBe(nasty.replace(/\r\n/g, "\n"));
    expect(vevent.getFirstPropertyValue("description")).toBe(nasty.replace(/\r\n/g, "\n"));
    expect(vevent.getFirstProperty("categories")!.getValues()).toEqual(["JointAsk", "a,b"]);
    // X- properties are TEXT (RFC 5545 3.8.8.2) and escaped as such; ical.js leaves unknown properties' values raw.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("A\\, B\\; C");
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
  });

  it("folds long lines at 75 octets without splitting a character, and unfolds to the same text", () => {
    const long = `${"Déjà vu 🚓 ".repeat(40)}end`;
    const folded = foldLine(`SUMMARY:${long}`);
    const lines = folded.split("\r\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(" ")).toBe(true);
    expect(lines.join("\r\n").replace(/\r\n /g, "")).toBe(`SUMMARY:${long}`);
    expect(lines.join("")).not.toContain("\uFFFD");
    const calendar = new ICAL.Component(ICAL.parse(writeCalendar({ productId: "p", name: "n" }, [event({ title: long })])));
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("summary")).toBe(long);
    expect(foldLine("SHORT:x")).toBe("SHORT:x\r\n");
  });

  it("fills each folded line to the 75 octets a character boundary allows, for 1- to 4-octet characters", () => {
    for (const char of ["a", "é", "€", "🚓"]) {
      for (const length of [20, 74, 75, 76, 200]) {
        const line = `X:${char.repeat(length)}`;
        const lines = foldLine(line).split("\r\n").slice(0, -1);
        expect(lines.join("\r\n").replace(/\r\n /g, "")).toBe(line);
        // A line is folded only when it must be, and each part but the last is as full as a whole character allows.
        if (octets(line) <= 75) expect(lines).toEqual([line]);
        for (const part of lines.slice(0, -1)) expect(75 - octets(part)).toBeLessThan(octets(char));
        for (const part of lines) expect(octets(part)).toBeLessThanOrEqual(75);
      }
    }
  });

  it("writes an empty calendar", () => {
    const calendar = new ICAL.Component(ICAL.parse(writeCalendar({ productId: "p", name: "n" }, [])));
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
