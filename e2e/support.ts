import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "linli-demo-2026";
export const DEMO = {
  admin: "13800000000",
  organiser: "13800000001",
  resident: "13800000002",
  unverified: "13800000003",
  volunteer: "13800000004",
} as const;

/** Zero axe violations (WCAG 2.0–2.1 A/AA and best practice) on what is on screen now. */
export async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Fails each test of the file whose page logged a Content-Security-Policy violation (Chromium
 * reports a refused script, style, image, frame or form target as a console error).
 */
export function failOnCspViolations() {
  let seen: string[] = [];
  test.beforeEach(({ page }) => {
    seen = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content[- ]Security[- ]Policy/i.test(m.text())) seen.push(m.text());
    });
  });
  test.afterEach(() => expect(seen, "Content-Security-Policy violations").toEqual([]));
}

/** Saves a full-page screenshot under test-results/screens, named by page and width. */
export async function screen(page: Page, name: string) {
  const dir = path.join("test-results", "screens");
  fs.mkdirSync(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
}

/** Signs in through the real form. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD, expectPath: RegExp = /\/me$/) {
  await page.goto("/sign-in");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(expectPath);
}

export async function signInAt(page: Page, phone: string, target: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[/]/g, "\\/")}$`));
}

let phoneSeq = Date.now() % 100000;
/** A phone number no one has used in this run. */
export function freshPhone(): string {
  phoneSeq += 1;
  return `136${String(phoneSeq).padStart(8, "0")}`;
}

let adminState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

/**
 * The code last texted to a number, read from the outbox the way an admin reads it
 * (/dashboard/messages/outbox), in a context of its own; the admin signs in once per file.
 */
export async function codeFromOutbox(page: Page, phone: string): Promise<string> {
  const context = await page.context().browser()!.newContext({ storageState: adminState });
  const admin = await context.newPage();
  try {
    if (!adminState) {
      await signIn(admin, DEMO.admin, DEMO_PASSWORD, /\/dashboard$/);
      adminState = await context.storageState();
    }
    await admin.goto(`/dashboard/messages/outbox?q=${phone}`);
    const text = await admin
      .getByRole("listitem")
      .filter({ hasText: phone })
      .first()
      .getByTestId("outbox-text")
      .innerText();
    const code = text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code in the outbox message to ${phone}: ${text}`);
    return code;
  } finally {
    await context.close();
  }
}

/** Step 1 of signing up, or of a forgotten password: the number, then the code from the outbox. */
export async function askForCode(page: Page, phone: string): Promise<string> {
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText(`验证码短信已发到 ${phone}。`)).toBeVisible();
  return codeFromOutbox(page, phone);
}

/** Signs up through the real form, without a household code unless given one; lands on /me. */
export async function signUpFresh(
  page: Page,
  name: string,
  password: string,
  phone = freshPhone(),
  householdCode?: string,
): Promise<string> {
  await page.goto(householdCode ? `/sign-up?code=${householdCode}` : "/sign-up");
  await page.getByLabel("短信验证码").fill(await askForCode(page, phone));
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(householdCode ? /\/me\?welcome=verified$/ : /\/me\?welcome=unverified$/);
  return phone;
}

// ---------------------------------------------------------------------------------------------
// Competitions: shared by the journeys that run one from set-up to standings.

export const COMPETITIONS = "/dashboard/festivals/meihu-15/competitions";

/** Full-page screenshots into one folder per journey, named by page and width. */
export function shooter(dir: string) {
  return async (page: Page, name: string) => {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
  };
}

/** A fresh browser context in Chinese, Shanghai time, at the given width. */
export async function newPage(browser: Browser, width: number, baseURL: string) {
  const context = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width, height: 900 },
    baseURL,
  });
  return context.newPage();
}

/** No sideways scrolling at a phone's width. */
export async function expectNoOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
}

/** Sets a programme item up as a competition from the organisers' list and opens it. */
export async function setUpCompetition(
  page: Page,
  title: string,
  choose: (form: Locator) => Promise<void> = async () => {},
) {
  await page.goto(COMPETITIONS);
  await page.getByText(`设为比赛：${title}`).click();
  const form = page.getByRole("form", { name: `${title} 的比赛设置` });
  await choose(form);
  await form.getByRole("button", { name: "设为比赛", exact: true }).click();
  await page.getByRole("link", { name: `进入比赛：${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Taps "not here" → "here" for the first `count` entrants still not checked in. */
export async function checkIn(page: Page, count: number) {
  const entrants = page.getByRole("region", { name: "参赛者" });
  for (let i = 0; i < count; i++) {
    const open = entrants.getByRole("button", { name: /未到$/, pressed: false });
    const before = await open.count();
    await open.first().click();
    await expect(open).toHaveCount(before - 1);
  }
}

/** Appoints the demo resident (王秀英) referee of the competition on screen. */
export async function grantReferee(page: Page) {
  await page.getByLabel("裁判的手机号").fill(DEMO.resident);
  await page.getByRole("button", { name: "设为裁判" }).click();
  await expect(page.getByRole("status").filter({ hasText: "王秀英 已是裁判。" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "裁判" }).getByRole("button", { name: "移除裁判 王秀英" }),
  ).toBeVisible();
}

/** A run's tag in letters only: aliases on the wish wall may not carry numbers (they read as ages). */
export function lettersOnly(s: string): string {
  return s.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]);
}
