import { expect, test } from "@playwright/test";
import {
  DEMO,
  DEMO_PASSWORD,
  askForCode,
  expectAccessible,
  expectNoOverflow,
  newPage,
  shooter,
  signIn,
  signInAt,
} from "./support";

// The service desk: 陈志强 forgot his password. The organiser finds him at the desk, prints a reset
// code, he signs in with it on his phone, must choose a new password, and his old session is gone.
// He chooses the demo password again, so the specs after this one still sign him in with it.

const shot = shooter("test-results/screens/desk");

test.describe("the service desk", () => {
  test("陈志强 forgot his password: a reset code from the desk, a new password, the old session gone", async ({
    browser,
    page,
    baseURL,
  }) => {
    // His phone, signed in from before.
    const old = await newPage(browser, 360, baseURL!);
    await signIn(old, DEMO.unverified);

    // The organiser finds him by the last digits of his number and opens his card.
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "服务台" }).click();
    await expect(page).toHaveURL(/\/dashboard\/desk$/);
    await page.getByLabel("查找居民").fill("0003");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "账户" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "search");
    await page.getByRole("link", { name: /陈志强/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "陈志强" })).toBeVisible();
    await expect(page.getByText("13800000003", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "person-card");

    await page.getByRole("button", { name: "生成重设密码码" }).click();
    const shown = page.getByTestId("reset-code");
    await expect(shown).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = (await shown.innerText()).trim();
    expect(page.url()).not.toContain(code.replace("-", ""));
    await expect(page.getByText(/localhost:\d+\/sign-in/)).toBeVisible();
    await expectAccessible(page);
    await shot(page, "reset-slip");
    await page.emulateMedia({ media: "print" });
    await shot(page, "reset-slip-print");
    await page.emulateMedia({ media: "screen" });

    // On a 360 px phone of his own, he signs in with the slip.
    const phone = await newPage(browser, 360, baseURL!);
    await phone.goto("/sign-in");
    await phone.getByRole("link", { name: "我有服务台给的重设密码码" }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "用重设密码码登录" })).toBeVisible();
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await shot(phone, "reset-code-sign-in");
    await phone.getByRole("button", { name: "English" }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "Sign in with a reset code" })).toBeVisible();
    await expectNoOverflow(phone);
    await shot(phone, "reset-code-sign-in-en");
    await phone.getByRole("button", { name: "中文" }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "用重设密码码登录" })).toBeVisible();
    // A wrong code first: refused, in plain words.
    await phone.getByLabel("手机号").fill(DEMO.unverified);
    await phone.getByLabel("重设密码码").fill("AAAA-AAAA");
    await phone.getByRole("button", { name: "登录并设新密码" }).click();
    await expect(phone.getByText(/重设密码码不对/)).toBeVisible();
    await phone.getByLabel("重设密码码").fill(code.toLowerCase());
    await phone.getByRole("button", { name: "登录并设新密码" }).click();
    await expect(phone).toHaveURL(/\/choose-password$/);

    // Nothing else until a new password is chosen.
    await phone.goto("/me");
    await expect(phone).toHaveURL(/\/choose-password$/);
    await phone.goto("/");
    await expect(phone).toHaveURL(/\/choose-password$/);
    await expect(phone.getByRole("heading", { level: 1, name: "设一个新密码" })).toBeVisible();
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await shot(phone, "choose-password");
    await phone.getByLabel("新密码", { exact: true }).fill(DEMO_PASSWORD);
    await phone.getByLabel("再输一遍新密码").fill("something else entirely");
    await phone.getByRole("button", { name: "保存新密码" }).click();
    await expect(phone.getByText("两次输入的新密码不一样。")).toBeVisible();
    await phone.getByLabel("再输一遍新密码").fill(DEMO_PASSWORD);
    await phone.getByRole("button", { name: "保存新密码" }).click();
    await expect(phone).toHaveURL(/\/me$/);
    await expect(phone.getByRole("heading", { level: 1, name: /陈志强/ })).toBeVisible();

    // The session from before is gone; the used code lets nobody in again.
    await old.goto("/me");
    await expect(old).toHaveURL(/\/sign-in/);
    await old.goto("/sign-in/reset-code");
    await old.getByLabel("手机号").fill(DEMO.unverified);
    await old.getByLabel("重设密码码").fill(code);
    await old.getByRole("button", { name: "登录并设新密码" }).click();
    await expect(old.getByText(/重设密码码不对/)).toBeVisible();

    // The audit log says it was done at the desk, by whom, and never shows the code.
    await page.goto("/dashboard/audit?action=desk.reset_code");
    await expect(page.getByText("在服务台，由 张丽 办理").first()).toBeVisible();
    expect(await page.content()).not.toContain(code.replace("-", ""));
    // The page for an account made at the desk.
    await page.goto("/dashboard/desk/new-account");
    await expect(page.getByRole("heading", { level: 1, name: "为居民开账户" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "new-account");
    await old.context().close();
    await phone.context().close();
  });

  test("陈志强 resets his password himself with the code texted to his phone", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "忘记密码" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    const code = await askForCode(page, DEMO.unverified);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("新密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page.getByText(/新密码设好了/)).toBeVisible();
    await signIn(page, DEMO.unverified);
  });

  test("a resident gets 403 at the desk", async ({ page }) => {
    await signIn(page, DEMO.resident);
    for (const path of ["/dashboard/desk", "/dashboard/desk?q=陈志强"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      expect(await res!.text()).not.toContain("13800000003");
    }
  });
});
