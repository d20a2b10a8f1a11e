import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screen, signInAt, signUpFresh } from "./support";

// Every page of the foundation at phone and desktop width, checked with axe and saved for a look.
for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    const visit = async (page: Page, path: string, name: string, heading: string | RegExp) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
      await screen(page, name);
    };

    test("public and resident pages", async ({ page }) => {
      await visit(page, "/", "home", "第十五届美湖邻里节");
      await visit(page, "/sign-in", "sign-in", "登录");
      await visit(page, "/sign-up?code=MEHU-3333", "sign-up", "注册");
      await visit(page, "/forgot-password", "forgot-password", "重设密码");
      await visit(page, "/festivals/meihu-14/stars/receipts", "stars-receipts", "投票回执公示");
      // A newly signed-up resident without a household code: the unverified state.
      await signUpFresh(page, "何丽娟", "lanterns over the lake");
      await visit(page, "/me", "me-unverified", /你好/);
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /Hello/ })).toBeVisible();
      await expectAccessible(page);
      await screen(page, "me-unverified-en");
      await visit(page, "/", "home-en", "第十五届美湖邻里节");
    });

    test("dashboard pages", async ({ page }) => {
      await signInAt(page, DEMO.admin, "/dashboard");
      await visit(page, "/dashboard", "dashboard", "概览");
      await visit(page, "/dashboard/households", "households", "住户名册");
      await visit(page, "/dashboard/households/import", "import", "导入住户名册");
      await visit(page, "/dashboard/households/slips", "slips", "打印住户码");
      await visit(page, "/dashboard/residents", "residents", "居民");
      await visit(page, "/dashboard/households/approvals", "household-approvals", "待确认的住户关联");
      await visit(page, "/dashboard/messages/outbox", "messages", "短信记录");
      await visit(page, "/dashboard/audit", "audit", "操作日志");
    });
  });
}
