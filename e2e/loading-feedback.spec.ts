import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support";

// On a slow phone a tap must show at once that something is happening, or elderly users tap
// again: a link says the next page is opening, a button says it is sending and takes no second press.

/** Holds back every request for a page (its prefetch too) until `release` is called. */
async function holdPage(page: Page, path: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return release;
}

test("a tap on a link shows that the next page is opening until it is there", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  const release = await holdPage(page, "/wishes");
  const opening = page.getByRole("status").filter({ hasText: "正在打开…" });
  await expect(opening).toHaveCount(0);
  await page.getByRole("link", { name: "去心愿墙" }).click();
  await expect(opening).toBeVisible();
  // Still on the page it came from while the next one is on its way.
  await expect(page).toHaveURL(/\/$/);
  release();
  await expect(page).toHaveURL(/\/wishes$/);
  await expect(page.getByRole("heading", { level: 1, name: "微心愿墙" })).toBeVisible();
  await expect(opening).toHaveCount(0);
});

test("a jump within the page shows nothing", async ({ page }) => {
  await page.goto("/festivals/meihu-15");
  const day = page.getByRole("navigation", { name: "日期" }).getByRole("link").nth(1);
  await day.click();
  await page.waitForTimeout(500);
  await expect(page.getByRole("status").filter({ hasText: "正在打开…" })).toHaveCount(0);
});

test("a button that sends says so and cannot be pressed twice", async ({ page }) => {
  // Sign-in: the check of the password is held back.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let posts = 0;
  await page.route("**/api/auth/callback/credentials**", async (route) => {
    posts += 1;
    await released;
    await route.continue();
  });
  await page.goto("/sign-in");
  await page.getByLabel("手机号").fill(DEMO.resident);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const sending = page.getByRole("button", { name: "正在提交…" });
  await expect(sending).toBeDisabled();
  await expect(sending).toHaveAttribute("aria-busy", "true");
  await sending.click({ force: true });
  release();
  await expect(page).toHaveURL(/\/me$/);
  expect(posts).toBe(1);

  // A server action's form (the name on /me): busy while the action runs.
  let releaseAction!: () => void;
  const actionDone = new Promise<void>((r) => (releaseAction = r));
  await page.route(
    (url) => url.pathname === "/me",
    async (route) => {
      if (route.request().method() === "POST") await actionDone;
      await route.continue();
    },
  );
  await page.getByRole("button", { name: "修改姓名" }).click();
  const saving = page.getByRole("button", { name: "正在提交…" });
  await expect(saving).toBeDisabled();
  await expect(saving).toHaveAttribute("aria-busy", "true");
  releaseAction();
  await expect(page.getByRole("button", { name: "修改姓名" })).toBeEnabled();
  await expect(page.getByText("已保存")).toBeVisible();
});

test("a form checked in the browser opens no page, so says nothing of opening one", async ({ page }) => {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, phone: DEMO.resident, password: DEMO_PASSWORD, json: "true" },
  });
  await page.goto("/festivals/meihu-15/register/performer");
  await page.getByRole("button", { name: "提交报名" }).click();
  await expect(page.getByText("这一项必须填写。").first()).toBeVisible();
  // Past the indicator's own delay: it would be up by now.
  await page.waitForTimeout(500);
  await expect(page.getByRole("status").filter({ hasText: "正在打开…" })).toHaveCount(0);
});
