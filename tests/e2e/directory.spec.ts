import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("an advocate files to an agency outside the organization's list by picking it in the directory combobox, with the keyboard", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests/new");
  await page.getByLabel("Title", { exact: true }).fill("Stop data, all years");
  await page.getByLabel("What is asked").fill("Every traffic and pedestrian stop record.");
  const box = page.getByRole("combobox", { name: "Or any US agency, from the national directory" });
  await box.fill("oaklnd pd");
  const list = page.getByRole("listbox");
  await expect(list.getByRole("option", { name: /Oakland Police Department.*CA0010900/ })).toBeVisible();
  // Move to the Oakland, California option with the arrow keys, whatever its position in the list.
  const activeText = async () => page.locator(`[id="${await box.getAttribute("aria-activedescendant")}"]`).innerText();
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  for (let i = 0; i < 8 && !/CA0010900/.test(await activeText()); i++) await box.press("ArrowDown");
  expect(await activeText()).toMatch(/CA0010900/);
  await box.press("Enter");
  await expect(list).toBeHidden();
  await expect(box).toHaveValue(/Oakland Police Department — CA · Alameda County · CA0010900/);
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stop data, all years");
  await expect(page.getByText("Oakland Police Department").first()).toBeVisible();
  await page.goto("/directory?q=oakland+pd");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations).toEqual([]);
});

test("without JavaScript the directory page finds an agency and files a request to it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/directory");
  await page.getByRole("searchbox", { name: "Agency" }).fill("sherif lane county");
  await page.getByLabel("State").selectOption({ label: "Oregon" });
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row", { name: /Lane County Sheriff's Office/ });
  await expect(row).toContainText("OR0200000");
  await row.getByRole("link", { name: /File a request/ }).click();
  await expect(page.getByText("From the directory:")).toContainText("Lane County Sheriff's Office");
  await page.getByLabel("Title", { exact: true }).fill("Jail booking data");
  await page.getByLabel("What is asked").fill("Booking records since 2020.");
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Jail booking data");
  await context.close();
});
