import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screen, signIn, signInAt } from "./support";

const BAD = "楼栋,单元,房号,户主\n美湖花园 20栋,1单元,101,钱国庆\n美湖花园 20栋,,102,\n美湖花园 20栋,2单元,101,冯玉梅\n";

test.describe("household roster", () => {
  test("an organiser imports a roster: one bad row → nothing imported; fixed → imported; slips printed", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "导入名册" }).click();
    await expect(page.getByRole("heading", { name: "导入住户名册" })).toBeVisible();
    await page.getByLabel("或者把内容粘贴在这里").fill(BAD);
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByRole("heading", { name: "新住户 2 户，已在名册中 0 户，有错误 1 行。" })).toBeVisible();
    const badRow = page.getByRole("row").filter({ hasText: "缺少单元" });
    await expect(badRow).toHaveCount(1);
    await expect(badRow.getByRole("cell").first()).toHaveText("3");
    await expect(page.getByRole("button", { name: /^导入/ })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "import-preview-errors");

    // Nothing was written.
    await page.goto("/dashboard/households?q=" + encodeURIComponent("美湖花园 20栋"));
    await expect(page.getByText("没有找到住户。")).toBeVisible();

    await page.goto("/dashboard/households/import");
    await page.getByLabel("或者把内容粘贴在这里").fill(BAD.replace("美湖花园 20栋,,102,", "美湖花园 20栋,1单元,102,"));
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByRole("heading", { name: "新住户 3 户，已在名册中 0 户，有错误 0 行。" })).toBeVisible();
    await page.getByRole("button", { name: "导入 3 户" }).click();
    await expect(page.getByText("导入完成：新增 3 户，0 户已在名册中未改动。")).toBeVisible();

    await page.getByRole("link", { name: "查看住户名册" }).click();
    await page.getByLabel("搜索楼栋、单元、房号、户主或住户码").fill("美湖花园 20栋");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("row").filter({ hasText: "钱国庆" })).toHaveCount(1);
    await expect(page.getByText("共 3 条")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "美湖花园 20栋" }).first().click();
    await expect(page.getByRole("heading", { name: "打印住户码" })).toBeVisible();
    await expect(page.getByText("3 张纸条")).toBeVisible();
    const slips = page.getByRole("list", { name: "打印住户码" }).getByRole("listitem");
    await expect(slips).toHaveCount(3);
    await expect(slips.first().locator("svg")).toBeVisible();
    await expect(slips.first()).toContainText(/[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  });

  test("an organiser verifies a resident and makes them a volunteer; every step is in the audit log", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/residents?q=13800000003");
    const row = page.getByRole("row").filter({ hasText: "13800000003" });
    await row.getByRole("link", { name: "选择住户后验证" }).click();
    await page.getByLabel("输入楼栋、房号或户主姓名").fill("湖畔雅苑 2栋 1单元 301");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("button", { name: "验证为这一户" }).first().click();
    await expect(page.getByText("已验证", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "设为志愿者" }).click();
    await expect(page.getByRole("button", { name: "取消志愿者" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/dashboard/audit");
    await expect(page.getByRole("row").filter({ hasText: "验证居民" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "授予身份" }).first()).toBeVisible();
    await page.getByLabel("结果").selectOption("refused");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/outcome=refused/);
    await expectAccessible(page);
  });

  test("a resident is refused the dashboard", async ({ page }) => {
    await signIn(page, DEMO.resident);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    await page.goto("/dashboard/households");
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    await expect(page.getByText("MEHU-2222")).toHaveCount(0);
  });
});
