import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./support";

// Every page, signed in and signed out, at a phone, a tablet, a laptop and a wide screen: a screenshot of each
// is kept with the test's output (not committed), the page never scrolls sideways, and axe finds no serious or
// critical WCAG 2.1 A/AA violation.

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "laptop", width: 1366, height: 900 },
  { name: "wide", width: 1920, height: 1080 },
] as const;

const PUBLIC_PAGES = ["/login", "/forgot-password", "/r", "/deadlines", "/deadlines?jurisdiction=PA&received=2026-12-21", "/docs/api"];

const SIGNED_IN_PAGES = [
  "/",
  "/requests",
  "/requests?sort=updated",
  "/requests/new",
  "/chase",
  "/agencies",
  "/agencies/new",
  "/jurisdictions",
  "/laws",
  "/laws/PA",
  "/catalog",
  "/outbox",
  "/inbox",
  "/inbox/review",
  "/admin/users",
  "/admin/audit",
  "/vendors",
  "/vendors/new",
  "/vendors/import",
  "/campaigns",
  "/campaigns/new",
  "/coalition",
  "/analytics",
  "/directory",
  "/directory?q=oakland+pd",
  "/directory/contacts-import",
  "/groups",
  "/account",
  "/account/tokens",
  "/settings/calendar",
  "/settings/email",
  "/settings/organization",
  "/settings/webhooks",
  "/requests/views",
];

/**
 * Pages reached through the first link of a list: a request and its sub-pages, an agency, a vendor, a joint ask, a
 * product, a message in the outbox and in the inbox, and (through the inbox message's attachment) a received
 * file's page. `via` are links followed first, from page to page.
 */
const LINKED_PAGES: { from: string; via?: RegExp[]; link: RegExp; suffixes: string[] }[] = [
  { from: "/requests", link: /^\/requests\/[0-9a-f-]{36}$/, suffixes: ["", "/edit", "/fields", "/files", "/letters", "/publish"] },
  { from: "/agencies", link: /^\/agencies\/[0-9a-f-]{36}$/, suffixes: ["", "/edit"] },
  { from: "/vendors", link: /^\/vendors\/[0-9a-f-]{36}$/, suffixes: ["", "/edit"] },
  { from: "/campaigns", link: /^\/campaigns\/[0-9a-f-]{36}$/, suffixes: ["", "/send"] },
  { from: "/directory?q=oakland+pd", link: /^\/directory\/[A-Z0-9]+$/, suffixes: [""] },
  { from: "/groups", link: /^\/products\/[0-9a-f-]{36}$/, suffixes: ["", "/edit"] },
  { from: "/outbox", link: /^\/outbox\/[0-9a-f-]{36}$/, suffixes: [""] },
  { from: "/inbox", link: /^\/inbox\/[0-9a-f-]{36}$/, suffixes: [""] },
  { from: "/inbox", via: [/^\/inbox\/[0-9a-f-]{36}$/], link: /^\/requests\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/, suffixes: [""] },
];

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string | null> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

async function check(page: Page, testInfo: TestInfo, path: string, width: string) {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} answers`).toBeLessThan(400);
  const overflow = await page.evaluate(() => {
    // The elements reaching past the right edge, named so a failure says where to look.
    const past = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const right = element.getBoundingClientRect().right;
        const parentRight = element.parentElement?.getBoundingClientRect().right ?? 0;
        return right > window.innerWidth + 0.5 && right > parentRight + 0.5;
      })
      .slice(0, 5)
      .map((element) => {
        const named = (e: Element) => `${e.tagName.toLowerCase()}${typeof e.className === "string" && e.className.trim() ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}`;
        const parent = element.parentElement;
        return `${parent ? `${named(parent)} > ` : ""}${named(element)} "${(element.textContent ?? "").trim().slice(0, 30)}" (right ${Math.round(element.getBoundingClientRect().right)})`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, past };
  });
  expect.soft(overflow.scrollWidth, `${path} at ${width}: no sideways scroll; past the edge: ${overflow.past.join(", ")}`).toBeLessThanOrEqual(overflow.innerWidth);
  const name = `${width}${path.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "") || "-home"}.png`;
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect
    .soft(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      `${path} at ${width}: axe`,
    )
    .toEqual([]);
}

for (const viewport of WIDTHS) {
  test(`public pages at ${viewport.width}px: no sideways scroll, axe-clean, screenshots kept`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    for (const path of PUBLIC_PAGES) await check(page, testInfo, path, viewport.name);
    const published = await firstLink(page, "/r", /^\/r\/[a-z0-9-]+$/);
    if (published) await check(page, testInfo, published, viewport.name);
  });

  test(`signed-in pages at ${viewport.width}px: no sideways scroll, axe-clean, screenshots kept`, async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    await page.setViewportSize(viewport);
    await signIn(page);
    for (const path of SIGNED_IN_PAGES) await check(page, testInfo, path, viewport.name);
    for (const { from, via = [], link, suffixes } of LINKED_PAGES) {
      let start: string | null = from;
      for (const hop of via) start = start ? await firstLink(page, start, hop) : null;
      expect(start, `a link to follow from ${from}`).not.toBeNull();
      const href = await firstLink(page, start!, link);
      expect(href, `a link to follow on ${from}`).not.toBeNull();
      for (const suffix of suffixes) await check(page, testInfo, `${href}${suffix}`, viewport.name);
    }
  });
}
