import { expect, test } from "@playwright/test";
import { DEMO, askForCode, codeFromOutbox, expectAccessible, freshPhone, signIn, signUpFresh } from "./support";

test.describe("accounts", () => {
  test("sign up with the household code from a slip's QR code → verified", async ({ page }) => {
    const phone = freshPhone();
    await page.goto("/sign-up?code=MEHU-3333");
    await expect(page.getByRole("heading", { name: "注册" })).toBeVisible();
    await expectAccessible(page);
    const code = await askForCode(page, phone);
    await expect(page.getByLabel(/住户码/)).toHaveValue("MEHU-3333");
    await expectAccessible(page);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("姓名").fill("孙桂兰");
    await page.getByLabel("密码", { exact: true }).fill("湖边的柳树发芽了");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/me\?welcome=verified$/);
    await expect(page.getByText("注册成功，住户验证已完成。")).toBeVisible();
    await expect(page.getByText("已验证住户", { exact: true })).toBeVisible();
    await expect(page.getByText("美湖花园 1栋 1单元 102")).toBeVisible();
    await expectAccessible(page);
  });

  test("bad sign-up input gets translated errors and no account", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("手机号").fill("12345");
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByText("请输入 11 位手机号，例如 13812345678。")).toBeVisible();
    const phone = freshPhone();
    const code = await askForCode(page, phone);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("姓名").fill("孙桂兰");
    await page.getByLabel("密码", { exact: true }).fill("12345678");
    await page.getByLabel(/住户码/).fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByText("这个密码太常见，容易被猜到，请换一个。")).toBeVisible();
    // Valid shape, wrong household code: the server says so, and nothing is created.
    await page.getByLabel("密码", { exact: true }).fill("a long and fine phrase");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByText("住户码不对，请核对纸条上的 8 位字母和数字。")).toBeVisible();
    // A wrong text-message code: refused the same way.
    await page.getByLabel(/住户码/).fill("");
    await page.getByLabel("短信验证码").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByText("验证码不对或已过期。请检查短信，或重新获取验证码。")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
    await page.goto("/sign-in");
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("密码", { exact: true }).fill("a long and fine phrase");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "手机号或密码不对，请再试一次。" })).toBeVisible();
  });

  test("a number that has an account: the page says 'code sent' all the same, the text tells its owner", async ({
    page,
  }) => {
    await page.goto("/sign-up");
    await page.getByLabel("手机号").fill(DEMO.unverified);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await expect(page.getByText(`验证码短信已发到 ${DEMO.unverified}。`)).toBeVisible();
    await page.getByLabel("短信验证码").fill("123456");
    await page.getByLabel("姓名").fill("冒名");
    await page.getByLabel("密码", { exact: true }).fill("a long and fine phrase");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByText("验证码不对或已过期。请检查短信，或重新获取验证码。")).toBeVisible();
    await expect(codeFromOutbox(page, DEMO.unverified)).rejects.toThrow(/这个号码已经有账户了/);
  });

  test("a forgotten password: a code by text, a new password, and every old session ends", async ({
    page,
    browser,
  }) => {
    const phone = await signUpFresh(page, "冯秀兰", "the first password");
    const other = await (await browser.newContext()).newPage();
    await other.goto("/sign-in");
    await other.getByRole("link", { name: "忘记密码" }).click();
    await expect(other.getByRole("heading", { name: "重设密码" })).toBeVisible();
    await expectAccessible(other);
    const code = await askForCode(other, phone);
    await other.getByLabel("短信验证码").fill(code);
    await other.getByLabel("新密码").fill("a second password");
    await expectAccessible(other);
    await other.getByRole("button", { name: "设置新密码" }).click();
    await expect(other.getByText("新密码设好了")).toBeVisible();
    await signIn(other, phone, "a second password");
    await expect(other.getByRole("heading", { name: "你好，冯秀兰" })).toBeVisible();
    // The session signed in before the reset is over.
    await page.goto("/me");
    await expect(page).toHaveURL(/\/sign-in/);
    await other.context().close();
  });

  test("sign in, sign out, and an old session stops working", async ({ page, context }) => {
    const phone = await signUpFresh(page, "周建国", "a walk by the lake");
    await expect(page.getByText("尚未验证住户")).toBeVisible();

    const oldCookies = await context.cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
    await page.goto("/me");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)me$/);

    // The token from before signing out is refused, even if someone kept a copy.
    await context.addCookies(oldCookies);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/sign-in/);

    await signIn(page, phone, "a walk by the lake");
    await expect(page.getByRole("heading", { name: "你好，周建国" })).toBeVisible();
  });

  test("wrong password 10 times → throttled, even with the right one", async ({ page }) => {
    const phone = await signUpFresh(page, "吴淑芬", "the right password");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto("/sign-in");
    await page.getByLabel("手机号").fill(phone);
    for (let i = 1; i <= 10; i++) {
      await page.getByLabel("密码", { exact: true }).fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: i < 10 ? "手机号或密码不对" : "尝试次数太多" }),
      ).toBeVisible();
    }
    await page.getByLabel("密码", { exact: true }).fill("the right password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "尝试次数太多" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("an unverified resident verifies with a household code on /me", async ({ page }) => {
    await signUpFresh(page, "郑海涛", "a walk by the lake");
    await expect(page.getByText("尚未验证住户")).toBeVisible();
    await page.getByLabel("填写住户码").fill("mehu 4444");
    await page.getByRole("button", { name: "验证住户" }).click();
    await expect(page.getByText("住户码不对，请核对纸条上的 8 位字母和数字。")).toBeVisible();
    // Scanning a slip while signed in leads here with the code filled in.
    await page.goto("/sign-up?code=mehu3333");
    await expect(page).toHaveURL(/\/me\?code=MEHU-3333$/);
    await expect(page.getByLabel("填写住户码")).toHaveValue("MEHU-3333");
    await page.getByRole("button", { name: "验证住户" }).click();
    await expect(page.getByText("住户验证成功。")).toBeVisible();
    await expect(page.getByText("已验证住户", { exact: true })).toBeVisible();
  });

  test("the language switch is on every page and remembered", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Four ways to take part" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  });
});
