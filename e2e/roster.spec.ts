import { expect, test, type Browser } from "@playwright/test";
import writeXlsxFile from "write-excel-file/node";
import { DEMO, askForCode, expectAccessible, freshPhone, screen, signIn, signInAt } from "./support";

const BAD =
  "楼栋,单元,房号,户主\n美湖花园 20栋,1单元,101,钱国庆\n美湖花园 20栋,,102,\n美湖花园 20栋,2单元,101,冯玉梅\n";

test.describe("household roster", () => {
  test("an organiser imports a roster: one bad row → nothing imported; fixed → imported; slips printed", async ({
    page,
  }) => {
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

  test("an organiser imports a CSV saved by Excel in GBK and an Excel workbook; the preview says how each was read; another file is refused", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/households/import");
    // Made with iconv from UTF-8: 楼栋 is the GBK bytes C2 A5 B6 B0.
    await page.getByLabel("CSV 或 Excel 文件（.csv、.xlsx）").setInputFiles("tests/fixtures/roster-gbk.csv");
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByRole("heading", { name: "新住户 3 户，已在名册中 0 户，有错误 0 行。" })).toBeVisible();
    await expect(page.getByText("文件按 GBK（GB18030）编码读取，这是中文版 Excel 保存 CSV 时用的编码。")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "钱国庆" });
    await expect(row.getByRole("cell").nth(1)).toHaveText("美湖花园 21栋");
    await expect(row.getByRole("cell").nth(3)).toHaveText("0101");
    await expectAccessible(page);
    await screen(page, "import-preview-gbk");
    await page.getByRole("button", { name: "导入 3 户" }).click();
    await expect(page.getByText("导入完成：新增 3 户，0 户已在名册中未改动。")).toBeVisible();
    await page.goto("/dashboard/households?q=" + encodeURIComponent("美湖花园 21栋"));
    await expect(page.getByRole("row").filter({ hasText: "0102" })).toHaveCount(1);

    // A workbook: the first sheet, a room typed as text kept, a room held as a number named.
    const workbook = await writeXlsxFile(
      [
        ["楼栋", "单元", "房号", "户主"],
        ["美湖花园 25栋", "1单元", "0102", "孙立群"],
        ["美湖花园 25栋", "1单元", { value: 103, type: Number }, null],
      ],
      { sheet: "名册" },
    ).toBuffer();
    const xlsx = {
      name: "名册.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: workbook,
    };
    await page.goto("/dashboard/households/import");
    await page.getByLabel("CSV 或 Excel 文件（.csv、.xlsx）").setInputFiles(xlsx);
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByRole("heading", { name: "新住户 2 户，已在名册中 0 户，有错误 0 行。" })).toBeVisible();
    await expect(page.getByText("读取的是 Excel 工作簿的第一个工作表“名册”。")).toBeVisible();
    await expect(page.getByText(/^有 1 行（第 3 行）的房号在 Excel 里存成了数字或日期/)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "孙立群" }).getByRole("cell").nth(3)).toHaveText("0102");
    await screen(page, "import-preview-xlsx");

    // Neither CSV nor .xlsx: a clear error, no preview, nothing written.
    await page
      .getByLabel("CSV 或 Excel 文件（.csv、.xlsx）")
      .setInputFiles({ name: "名册.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
    await page.getByRole("button", { name: "检查" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "只能读取 CSV 文件（.csv）或 Excel 工作簿（.xlsx）" }),
    ).toBeVisible();
    await page
      .getByLabel("CSV 或 Excel 文件（.csv、.xlsx）")
      .setInputFiles({ ...xlsx, buffer: workbook.subarray(0, 200) });
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "这个 Excel 文件打不开" })).toBeVisible();
    await page.goto("/dashboard/households?q=" + encodeURIComponent("美湖花园 25栋"));
    await expect(page.getByText("没有找到住户。")).toBeVisible();

    // The same preview in English.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
    await page.goto("/dashboard/households/import");
    await page.getByLabel("CSV or Excel file (.csv, .xlsx)").setInputFiles("tests/fixtures/roster-gbk.csv");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(
      page.getByRole("heading", { name: "0 new households, 3 already in the roster, 0 rows with errors." }),
    ).toBeVisible();
    await expect(
      page.getByText("The file was read as GBK (GB18030) text, the encoding Excel uses for CSV on Chinese Windows."),
    ).toBeVisible();
    await screen(page, "import-preview-gbk-en");
    await page.getByLabel("CSV or Excel file (.csv, .xlsx)").setInputFiles(xlsx);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByText("Read from the first sheet of the Excel workbook, “名册”.")).toBeVisible();
    await expect(page.getByText(/^On line 3, Excel holds the room as a number/)).toBeVisible();
    await screen(page, "import-preview-xlsx-en");
    await page.context().clearCookies({ name: "NEXT_LOCALE" });
  });

  test("an organiser verifies a resident and makes them a volunteer; every step is in the audit log", async ({
    page,
  }) => {
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

  test("a household code verifies only so many: the next accounts wait, an organiser approves one and refuses one with a reason", async ({
    page,
    browser,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard/households/import");
    await page.getByLabel("或者把内容粘贴在这里").fill("楼栋,单元,房号,户主\n美湖花园 30栋,1单元,101,蒋文华\n");
    await page.getByRole("button", { name: "检查" }).click();
    await page.getByRole("button", { name: "导入 1 户" }).click();
    await expect(page.getByText("导入完成：新增 1 户，0 户已在名册中未改动。")).toBeVisible();
    await page.goto("/dashboard/households?q=" + encodeURIComponent("美湖花园 30栋"));
    const code = (await page.getByRole("row").filter({ hasText: "蒋文华" }).locator("td.font-mono").textContent())!;

    // One account per code for this journey (the community's setting), put back at the end.
    await page.getByRole("link", { name: /待确认关联/ }).click();
    await expect(page.getByRole("heading", { name: "待确认的住户关联" })).toBeVisible();
    await page.getByLabel("每个住户码最多验证的账户数").fill("1");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    const first = await signUpWithCode(browser, "蒋文华", code, "verified");
    await expect(first.getByText("已验证住户", { exact: true })).toBeVisible();
    const second = await signUpWithCode(browser, "蒋小雨", code, "unverified");
    await expect(second.getByText(/已验证的人数到了上限，需要社区工作人员确认/)).toBeVisible();
    await expectAccessible(second);
    await screen(second, "me-household-waiting");
    const third = await signUpWithCode(browser, "路过的人", code, "unverified");

    await page.reload();
    const card = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
    const secondCard = card("蒋小雨：美湖花园 30栋 1单元 101");
    await expect(secondCard.getByRole("listitem").filter({ hasText: "蒋文华" })).toContainText(/\d{3}\*{4}\d{4}/);
    await expectAccessible(page);
    await screen(page, "household-approvals");
    await secondCard.getByRole("button", { name: "批准 蒋小雨" }).click();
    // Decided: the account leaves the queue and is listed among the household's members.
    await expect(secondCard).toHaveCount(0);
    const thirdCard = card("路过的人：美湖花园 30栋 1单元 101");
    await expect(thirdCard.getByRole("listitem").filter({ hasText: "蒋小雨" })).toHaveCount(1);
    await thirdCard.getByRole("button", { name: "拒绝 路过的人" }).click();
    await expect(thirdCard.getByText("请写明原因。").first()).toBeVisible();
    await thirdCard.getByLabel("原因").fill("户主说家里没有这个人");
    await thirdCard.getByRole("button", { name: "拒绝 路过的人" }).click();
    await expect(page.getByText("现在没有等待确认的账户。")).toBeVisible();

    await second.reload();
    await expect(second.getByText("已验证住户", { exact: true })).toBeVisible();
    await expect(second.getByText("美湖花园 30栋 1单元 101")).toBeVisible();
    await third.reload();
    await expect(third.getByText(/没有同意你关联 美湖花园 30栋 1单元 101。原因：户主说家里没有这个人/)).toBeVisible();

    await page.getByLabel("每个住户码最多验证的账户数").fill("6");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.goto("/dashboard/audit");
    await expect(page.getByRole("row").filter({ hasText: "批准住户关联" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "拒绝住户关联" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "住户关联等待确认" }).first()).toBeVisible();
  });

  test("a resident is refused the dashboard", async ({ page }) => {
    await signIn(page, DEMO.resident);
    expect((await page.goto("/dashboard"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    expect((await page.goto("/dashboard/households"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    await expect(page.getByText("MEHU-2222")).toHaveCount(0);
  });
});

/** A new resident on a phone of their own, signed up with a household code; lands on /me. */
async function signUpWithCode(browser: Browser, name: string, code: string, welcome: "verified" | "unverified") {
  const page = await (
    await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 800 } })
  ).newPage();
  await page.goto(`/sign-up?code=${code}`);
  await page.getByLabel("短信验证码").fill(await askForCode(page, freshPhone()));
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("密码", { exact: true }).fill("lotus leaves in the rain");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/me\\?welcome=${welcome}$`));
  return page;
}
