import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
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

/** Signs up through the real form without a household code; lands on /me. */
export async function signUpFresh(page: Page, name: string, password: string, phone = freshPhone()): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/me\?welcome=unverified$/);
  return phone;
}
