import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import readXlsxFile from "read-excel-file/node";
import { DEMO, expectAccessible, screen, signIn, signInAt } from "./support";

// The organisers' review of the 15th festival's registrations. The demo's Go competition has 3
// places, all taken, and two residents waiting; no other spec touches it, so this one makes its
// own changes there. The chess competition is left to registrations.spec.ts.

const REVIEW = "/dashboard/festivals/meihu-15/registrations";

const table = (page: Page) => page.getByRole("region", { name: "报名列表" });
const rowOf = (page: Page, text: string | RegExp) => table(page).getByRole("row").filter({ hasText: text });
/** The participant's name as the row shows it. */
const participant = (row: Locator) => row.getByRole("cell").nth(1).locator("p").first();
const nameIn = async (row: Locator) => (await participant(row).textContent())!.trim();

/** Chooses a shift in the assign bar by its title (the option also shows its time and places). */
async function chooseShift(page: Page, title: string) {
  const select = page.getByLabel("安排到班次");
  await select.selectOption((await select.locator("option", { hasText: title }).getAttribute("value"))!);
}

async function filterGo(page: Page) {
  await page.goto(REVIEW);
  await page.getByLabel("身份", { exact: true }).selectOption({ label: "棋牌高手" });
  await page.getByLabel("项目", { exact: true }).selectOption({ label: "围棋比赛" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/role=player/);
  await expect(page).toHaveURL(/item=/);
}

test.describe.serial("the organisers' registration review", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("from the festival's settings to its registrations; filters and search narrow the list", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/festivals/meihu-15");
    await page.getByRole("link", { name: "报名审核" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "报名审核 · 第十五届美湖邻里节" })).toBeVisible();
    await expect(table(page)).toBeVisible();
    await expectAccessible(page);
    await screen(page, "review");

    // A child of a household: first name and age only.
    await expect(rowOf(page, "儿歌《小燕子》").getByText("朵朵", { exact: true })).toBeVisible();
    await expect(rowOf(page, "儿歌《小燕子》").getByText("9 岁")).toBeVisible();
    await expect(page.getByText("李朵朵")).toHaveCount(0);

    await filterGo(page);
    await expect(table(page).getByRole("row")).toHaveCount(1 + 5);
    await expect(rowOf(page, "候补第 1 位")).toHaveCount(1);
    await expect(rowOf(page, "候补第 2 位")).toHaveCount(1);

    await page.getByLabel("搜索", { exact: true }).fill("女驸马");
    await page.getByLabel("身份", { exact: true }).selectOption({ label: "全部" });
    await page.getByLabel("项目", { exact: true }).selectOption({ label: "全部" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(table(page).getByRole("row")).toHaveCount(2);
    await expect(rowOf(page, "黄梅戏《女驸马》选段").getByText("王秀英").first()).toBeVisible();

    // The status tabs keep the other filters.
    await page.getByRole("link", { name: "清除筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`${REVIEW}$`));
    await page
      .getByRole("navigation", { name: "按状态查看" })
      .getByRole("link", { name: /^未通过/ })
      .click();
    await expect(page).toHaveURL(/status=rejected/);
    await expect(rowOf(page, "诗朗诵《乡愁》").getByText("原因：和上午场的诗朗诵重复了")).toBeVisible();
  });

  test("rejecting a confirmed Go player needs a reason, then moves the head of the waiting list up; more places move the next", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await filterGo(page);
    const head = await nameIn(rowOf(page, "候补第 1 位"));
    const next = await nameIn(rowOf(page, "候补第 2 位"));
    const leaving = rowOf(page, "待审核").first();
    const leaver = await nameIn(leaving);
    await leaving.getByRole("checkbox").check();

    // No reason: refused, nothing changes.
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    await expect(page.getByText("请写明原因。")).toBeVisible();
    await expect(participant(rowOf(page, "候补第 1 位"))).toHaveText(head);

    await page.getByLabel("不通过的原因").fill("报名时间已过，名额留给候补的邻居。");
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    const outcome = page.getByRole("status").filter({ hasText: "已处理 1 份报名。" });
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText("1 人候补转正。");
    await expect(rowOf(page, head).getByText("待审核")).toBeVisible();
    await expect(rowOf(page, leaver).getByText("未通过")).toBeVisible();
    await expect(participant(rowOf(page, "候补第 1 位"))).toHaveText(next);

    // One more place for Go, set in the places panel: the next one waiting gets it.
    await page.getByRole("spinbutton", { name: "围棋比赛 的名额", exact: true }).fill("4");
    await page.getByRole("button", { name: "保存 围棋比赛 的名额" }).click();
    await expect(page.getByText("名额已保存，1 人候补转正。")).toBeVisible();
    await expect(rowOf(page, next).getByText("待审核")).toBeVisible();
    await expect(rowOf(page, "候补第")).toHaveCount(0);

    // A note only organisers see.
    await rowOf(page, next).locator("summary").click();
    await rowOf(page, next).getByLabel("备注（只有工作人员看得到）").fill("下午要接孙子，请排在上午。");
    await rowOf(page, next).getByRole("button", { name: "保存备注" }).click();
    await expect(rowOf(page, next).getByText("备注已保存。")).toBeVisible();
    await page.reload();
    await expect(rowOf(page, next).getByText("备注：下午要接孙子，请排在上午。")).toBeVisible();
    await expectAccessible(page);
  });

  test("an accepted act joins a performance block and shows in the programme builder", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto(`${REVIEW}?role=performer`);
    const act = () => rowOf(page, "黄梅戏《女驸马》选段");
    await expect(act().getByText("确认报名后，才能把节目排进节目单。")).toBeAttached();
    await act().getByRole("checkbox").check();
    await page.getByRole("button", { name: "确认", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已处理 1 份报名。" })).toBeVisible();
    await expect(act().getByText("已确认", { exact: true })).toBeVisible();

    await act().locator("summary").click();
    await act().getByLabel("排进演出板块").selectOption({ label: "文艺汇演（上午场）" });
    await act().getByRole("button", { name: "排进节目单" }).click();
    await expect(act().getByText("已排进节目单：黄梅戏《女驸马》选段")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "review-performers");

    await act().getByRole("link", { name: "在节目单里查看" }).click();
    await expect(page).toHaveURL(/\/programme$/);
    await page.getByRole("button", { name: /^文艺汇演（上午场）/ }).press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("黄梅戏《女驸马》选段").first()).toBeVisible();
  });

  test("the bulk form works without JavaScript: a refusal keeps nothing half-done, an acceptance is shown", async ({
    page: signingIn,
    browser,
    baseURL,
  }) => {
    // Signed in with scripts, then the same session without them.
    await signInAt(signingIn, DEMO.organiser, "/dashboard");
    const storageState = await signingIn.context().storageState();
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState,
      baseURL,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    // The tug-of-war team's members, by searching for the team's name.
    await page.goto(`${REVIEW}?q=${encodeURIComponent("大力士队")}&status=pending`);
    const member = rowOf(page, "大力士队").first();
    const name = await nameIn(member);
    await member.getByRole("checkbox").check();
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    await expect(page.getByText("请写明原因。")).toBeVisible();
    await page.goto(`${REVIEW}?q=${encodeURIComponent("大力士队")}&status=pending`);
    await rowOf(page, name).getByRole("checkbox").check();
    await page.getByRole("button", { name: "确认", exact: true }).click();
    await expect(page.getByText("已处理 1 份报名。")).toBeVisible();
    await page.goto(`${REVIEW}?q=${encodeURIComponent("大力士队")}&status=accepted`);
    await expect(rowOf(page, name)).toHaveCount(1);
    await context.close();
  });

  test("the CSV and the Excel workbook hold what the filters show, the CSV with a byte-order mark and the Chinese intact; residents and visitors get neither", async ({
    page,
    browser,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await filterGo(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^registrations-meihu-15-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain('"参加人","年龄","报名人"');
    expect(text).toContain('"围棋比赛"');
    expect(text).not.toContain("象棋比赛");
    expect(text.trim().split("\r\n")).toHaveLength(1 + 5);

    // The same list as an Excel workbook, rooms and phones as text.
    const downloadingXlsx = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel（.xlsx）" }).click();
    const xlsx = await downloadingXlsx;
    expect(xlsx.suggestedFilename()).toMatch(/^registrations-meihu-15-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [sheet] = await readXlsxFile(fs.readFileSync((await xlsx.path())!));
    expect(sheet.data[0].slice(0, 3)).toEqual(["参加人", "年龄", "报名人"]);
    expect(sheet.data).toHaveLength(1 + 5);
    expect(sheet.data.slice(1).every((r) => typeof r[3] === "string" && /^1\d{10}$/.test(r[3]))).toBe(true);

    const url = new URL(
      (await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href"))!,
      page.url(),
    ).toString();
    const xlsxUrl = new URL(
      (await page.getByRole("link", { name: "导出 Excel（.xlsx）" }).getAttribute("href"))!,
      page.url(),
    ).toString();
    const resident = await browser.newContext({ locale: "zh-CN", baseURL: new URL(page.url()).origin });
    const residentPage = await resident.newPage();
    await signIn(residentPage, DEMO.resident);
    const refused = await residentPage.request.get(url);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toBe("");
    const refusedXlsx = await residentPage.request.get(xlsxUrl);
    expect(refusedXlsx.status()).toBe(403);
    expect(await refusedXlsx.text()).toBe("");
    const visitor = await browser.newContext();
    const anonymous = await visitor.request.get(url);
    expect(anonymous.status()).toBe(403);
    expect((await visitor.request.get(xlsxUrl)).status()).toBe(403);
    expect((await residentPage.goto(REVIEW))?.status()).toBe(403);
    await expect(residentPage.getByRole("heading", { name: "没有权限" })).toBeVisible();
    await resident.close();
    await visitor.close();
  });

  test("backstage shifts: create one, put helpers on it, refused when full or clashing, take off, delete", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto(REVIEW);
    await page.getByRole("navigation", { name: "本届的工作" }).getByRole("link", { name: "幕后班次" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "幕后班次 · 第十五届美湖邻里节" })).toBeVisible();
    const shifts = page.getByRole("region", { name: "班次一览" });
    await expect(shifts.getByRole("row").filter({ hasText: "舞台音响调试" }).getByText("刘洋")).toBeVisible();

    // A new shift on the first afternoon, one helper.
    const start = page.getByLabel("开始", { exact: true });
    const day = (await start.inputValue()).slice(0, 10);
    await page.getByLabel("班次名称").fill("集市摊位清扫");
    await page.getByLabel("需要的技能").selectOption({ label: "清扫" });
    await start.fill(`${day}T16:30`);
    await page.getByLabel("结束", { exact: true }).fill(`${day}T17:30`);
    await page.getByLabel("需要人数").fill("1");
    await page.getByRole("button", { name: "新增班次" }).click();
    await expect(page.getByText("班次已新增。")).toBeVisible();
    const sweep = shifts.getByRole("row").filter({ hasText: "集市摊位清扫" });
    await expect(sweep.getByText("16:30–17:30")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "shifts");

    const people = page.getByRole("region", { name: "幕后先锋名单" });
    const person = (name: string) => people.getByRole("row").filter({ hasText: name });
    // Two people on a one-place shift: refused, nobody is put on.
    await person("刘洋").getByRole("checkbox").check();
    const other = people.getByRole("row").filter({ hasText: "清扫" }).first();
    const otherName = (await other.getByRole("cell").nth(1).locator("p").first().textContent())!.trim();
    await other.getByRole("checkbox").check();
    await chooseShift(page, "集市摊位清扫");
    await page.getByRole("button", { name: "安排上班次" }).click();
    await expect(page.getByText("这个班次的人数已满。")).toBeVisible();
    await expect(sweep.getByText("还没有安排人。")).toBeVisible();

    // 刘洋 is on the sound check already: the opening's stewarding overlaps it.
    await page.reload();
    await person("刘洋").getByRole("checkbox").check();
    await chooseShift(page, "开幕式引导");
    await page.getByRole("button", { name: "安排上班次" }).click();
    await expect(page.getByText("有人在这个时间已经排了别的班次。")).toBeVisible();

    await page.reload();
    await person(otherName).getByRole("checkbox").check();
    await chooseShift(page, "集市摊位清扫");
    await page.getByRole("button", { name: "安排上班次" }).click();
    await expect(page.getByText("已安排 1 人。")).toBeVisible();
    await expect(sweep.getByText(otherName)).toBeVisible();
    await expect(person(otherName).getByText("集市摊位清扫")).toBeVisible();

    await sweep.getByRole("button", { name: `撤下 ${otherName}` }).click();
    await expect(sweep.getByText("还没有安排人。")).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await sweep.getByRole("button", { name: "删除班次 集市摊位清扫" }).click();
    await expect(shifts.getByRole("row").filter({ hasText: "集市摊位清扫" })).toHaveCount(0);
  });
});

test.describe("the review on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("both pages fit 360 px: the tables scroll inside their boxes, the page does not", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    for (const [path, name] of [
      [REVIEW, "review"],
      [`${REVIEW}/shifts`, "shifts"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      await screen(page, name);
    }
  });
});
