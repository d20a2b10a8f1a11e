import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screen, signInAt } from "./support";

// The organisers' Neighbourhood Star pages. On the demo's 15th festival nominations are open and
// voting comes later; the 14th is archived with its ballots and published winners.
// stars.spec.ts runs after this file on the same database: this one adds a category and deletes
// it again, approves 李桂兰 and 孙海涛, merges 周建华's second nomination into the approved one
// and edits 李桂兰's story; 王秀英's approved nomination and the rejected one stay as they were.

const STARS = "/dashboard/festivals/meihu-15/stars";
const NOMINATIONS = `${STARS}/nominations`;

const table = (page: Page) => page.getByRole("region", { name: "提名列表" });
const rowOf = (page: Page, text: string | RegExp) => table(page).getByRole("row").filter({ hasText: text });

test.describe.serial("the organisers' Neighbourhood Stars", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("from the festival's settings to its categories: add one, be refused too many votes, change it, delete it", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/festivals/meihu-15");
    await page.getByRole("link", { name: "邻里之星", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "评选类别 · 第十五届美湖邻里节" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "本届的工作" }).getByRole("link", { name: "邻里之星" }),
    ).toHaveAttribute("aria-current", "page");
    for (const name of ["热心公益之星", "孝老爱亲之星", "邻里互助之星", "文明家庭"])
      await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "热心公益之星" }).getByText("提名 3 条：候选人 2 位，待审核 1 条"),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "文明家庭" }).getByLabel("投票方式")).toHaveValue("household");
    await expectAccessible(page);
    await screen(page, "stars-categories");

    const form = page.getByRole("form", { name: "新增类别" });
    await form.getByLabel("类别名称").fill("睦邻友好之星");
    await form.getByLabel("说明（居民会看到）").fill("主动关心新邻居、组织楼道活动的居民。");
    await form.getByLabel("评出几位").fill("1");
    await form.getByLabel("每人投几票").fill("5");
    await form.getByRole("button", { name: "新增类别" }).click();
    await expect(form.getByText("每人可投的票数，最多是获奖名额的 3 倍。")).toBeVisible();
    await expect(form.getByLabel("类别名称")).toHaveValue("睦邻友好之星");
    await expect(page.getByRole("heading", { level: 3, name: "睦邻友好之星" })).toHaveCount(0);

    await form.getByLabel("每人投几票").fill("2");
    await form.getByLabel("评出几位").fill("2");
    await form.getByRole("button", { name: "新增类别" }).click();
    await expect(form.getByText("已新增类别：睦邻友好之星。")).toBeVisible();
    const added = page.getByRole("region", { name: "睦邻友好之星" });
    await expect(added.getByLabel("评出几位")).toHaveValue("2");
    await expect(added.getByText("提名 0 条：候选人 0 位，待审核 0 条")).toBeVisible();

    await added.getByLabel("投票方式").selectOption({ label: "每户投一票" });
    await added.getByLabel("评出几位").fill("3");
    await added.getByRole("button", { name: "保存 睦邻友好之星" }).click();
    await expect(added.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "睦邻友好之星" }).getByLabel("评出几位")).toHaveValue("3");
    await expect(page.getByRole("region", { name: "睦邻友好之星" }).getByLabel("投票方式")).toHaveValue("household");

    // One with nominations cannot be deleted: there is no button for it.
    await expect(
      page.getByRole("region", { name: "热心公益之星" }).getByText("这个类别已有提名，不能删除。"),
    ).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "删除类别 睦邻友好之星" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "睦邻友好之星" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(4 + 1);

    await page.goto("/dashboard/audit");
    for (const action of ["新增评选类别", "修改评选类别", "删除评选类别"])
      await expect(page.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
  });

  test("vetting: a rejection needs a reason; two approved at once; the duplicate 周建华 merged; a story edited with a reason that the audit log keeps", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.getByRole("link", { name: "审核邻里之星提名" }).click();
    await expect(page).toHaveURL(/\/stars\/nominations\?status=pending$/);
    await expect(page.getByRole("heading", { level: 1, name: "提名审核 · 第十五届美湖邻里节" })).toBeVisible();
    await expect(table(page).getByRole("row")).toHaveCount(1 + 3);
    const li = rowOf(page, "李桂兰");
    await expect(li.getByText("湖畔雅苑 5栋 1单元")).toBeVisible();
    await expect(li.getByRole("cell").nth(2).locator("p").first()).toHaveText(
      "李奶奶照顾瘫痪在床的老伴十二年，还常去看望楼里的空巢老人。",
    );
    await expect(li.getByText("按姓名提名")).toBeVisible();
    await expect(li.getByText(/^1\d{10}$/)).toBeVisible();
    await expectAccessible(page);
    await screen(page, "stars-nominations");

    await li.getByRole("checkbox").check();
    await rowOf(page, "孙海涛").getByRole("checkbox").check();
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    await expect(page.getByText("请写明原因。")).toBeVisible();
    await expect(rowOf(page, "李桂兰").getByText("待审核", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "通过", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已处理 2 条提名。" })).toBeVisible();
    await expect(table(page).getByRole("row")).toHaveCount(1 + 1);

    // 周建华's second nomination joins the approved one: the same name is offered first.
    const zhou = rowOf(page, "周建华");
    await zhou.getByText("合并…").click();
    const target = zhou.getByLabel("合并到");
    await expect(target.locator("option").first()).toHaveText(/^周建华 · 美湖花园 3栋 · 已通过$/);
    await expectAccessible(page);
    page.once("dialog", (d) => d.accept());
    await zhou.getByRole("button", { name: "合并", exact: true }).click();
    await expect(page.getByText("没有符合条件的提名。")).toBeVisible();

    await page
      .getByRole("navigation", { name: "按状态查看" })
      .getByRole("link", { name: /^已通过/ })
      .click();
    await expect(page).toHaveURL(/status=approved/);
    const approved = rowOf(page, "周师傅退休后义务给邻居修水管");
    await expect(approved.getByText("合并进来的事迹（1 条）")).toBeVisible();
    await expect(approved.getByText("去年冬天楼道水管冻裂，是周师傅半夜起来关的总阀。")).toBeVisible();
    await expect(rowOf(page, "王秀英").getByText("已注册居民")).toBeVisible();
    await page
      .getByRole("navigation", { name: "按状态查看" })
      .getByRole("link", { name: /^已合并/ })
      .click();
    await expect(rowOf(page, "周建华").getByText("已合并到：周建华")).toBeVisible();
    await expect(rowOf(page, "周建华").getByRole("checkbox")).toHaveCount(0);

    // 李桂兰's story loses a detail of her husband's health, with the reason.
    await page.goto(`${NOMINATIONS}?status=approved`);
    const story = "李奶奶照顾生病的老伴十二年，还常去看望楼里的空巢老人。";
    const row = rowOf(page, "李桂兰");
    await row.getByText("修改事迹").click();
    await row.getByLabel("事迹", { exact: true }).fill(story);
    await row.getByLabel("修改原因").fill("去掉病情细节，保护隐私。");
    await row.getByRole("button", { name: "保存事迹" }).click();
    await expect(row.getByText("事迹已保存。")).toBeVisible();
    await expect(rowOf(page, "李桂兰").getByRole("cell").nth(2).locator("p").first()).toHaveText(story);
    await screen(page, "stars-nominations-approved");
    await row.getByRole("link", { name: "在操作日志里查看" }).click();
    await expect(page).toHaveURL(/\/dashboard\/audit\?action=stars\.edit_story$/);
    const logged = page.getByRole("row").filter({ hasText: "修改提名事迹" }).first();
    await expect(logged).toContainText("去掉病情细节，保护隐私。");
    await expect(logged).toContainText("瘫痪在床");
    await page.goto("/dashboard/audit");
    for (const action of ["通过提名", "合并提名"])
      await expect(page.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("the live tally of the 14th: counts with bars, turnout by building, ballots over time with a table", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/festivals/meihu-14/stars");
    await expect(page.getByText(/^投票已于 .+ 开始，评选规则和候选人已经固定/)).toBeVisible();
    await expect(page.getByRole("region", { name: "评选类别（已固定）" }).getByRole("row")).toHaveCount(1 + 4);
    await expect(page.getByRole("button", { name: /^保存/ })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "stars-categories-locked");

    await page
      .getByRole("navigation", { name: "邻里之星的工作" })
      .getByRole("link", { name: /实时计票/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "实时计票 · 第十四届美湖邻里节" })).toBeVisible();
    await expect(page.getByText(/^投票已于 .+ 结束，下面是最终票数。$/)).toBeVisible();
    await expect(page.locator("dt", { hasText: "已投选票" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
      "89",
    );
    const help = page.getByRole("region", { name: "热心公益之星", exact: true });
    await expect(help.getByText("选票 32 张 · 评出 2 位 · 每位居民投票")).toBeVisible();
    const top = help.getByRole("row").nth(1);
    await expect(top.getByRole("cell").nth(0)).toHaveText("陈玉梅");
    await expect(top.getByRole("cell").nth(1)).toHaveText("14");
    await expect(top.getByText("目前入选")).toBeVisible();
    await expect(page.getByText(/不显示每位候选人的票数/)).toHaveCount(0);
    await expect(page.getByRole("region", { name: "文明家庭", exact: true }).getByText("每户投一票")).toBeVisible();
    await expect(page.getByText("目前没有需要留意的情况。")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "各楼栋投票人数和投票率" }).getByRole("row").filter({ hasText: "美湖花园 1栋" }),
    ).toHaveCount(1);
    const chart = page.getByRole("img", { name: /每段时间投出的选票/ });
    await expect(chart).toBeVisible();
    await page.getByText("用表格查看").click();
    await expect(page.getByRole("region", { name: "每段时间的选票数（表格）" }).getByRole("row")).toHaveCount(1 + 11);
    await expectAccessible(page);
    await screen(page, "stars-tally");

    // Until voting has closed the 15th shows turnout only: no candidate's count, even at nought.
    // (stars.spec.ts checks the same while its vote is open.)
    await page.goto(`${STARS}/tally`);
    await expect(page.getByText(/^投票还没开始，.+ 开始。开始后这里会显示投票人数。$/)).toBeVisible();
    await expect(page.getByText("还没有人投票。")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "热心公益之星", exact: true }).getByText(/不显示每位候选人的票数/),
    ).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "票数", exact: true })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /的票数$/ })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "stars-tally-before");
  });

  test("results: the 15th cannot be published before voting closes, and says when; the 14th shows what was published", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto(`${STARS}/publish`);
    await expect(page.getByRole("heading", { level: 1, name: "公布结果 · 第十五届美湖邻里节" })).toBeVisible();
    await expect(page.getByText(/^投票 .+ 结束，结束后才能在这里公布结果。/)).toBeVisible();
    await expect(page.getByRole("button", { name: "公布评选结果" })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "stars-publish-before");

    await page.goto("/dashboard/festivals/meihu-14/stars/publish");
    await expect(page.getByText(/^评选结果已于 .+ 公布。$/)).toBeVisible();
    const winners = page.getByRole("region", { name: "已公布的获奖者" });
    await expect(winners.getByRole("row")).toHaveCount(1 + 5);
    await expect(winners.getByRole("row").filter({ hasText: "陈玉梅（美湖花园 2栋）" })).toContainText("14");
    await expect(page.getByRole("link", { name: "查看居民看到的评选结果" })).toHaveAttribute(
      "href",
      "/festivals/meihu-14/stars/results",
    );
    await expectAccessible(page);
    await screen(page, "stars-published");
  });
});

test.describe("the organisers' Neighbourhood Stars on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("every page fits 360 px: tables and the chart scroll inside their boxes, the page does not", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    for (const [path, name] of [
      [STARS, "stars-categories"],
      [NOMINATIONS, "stars-nominations"],
      ["/dashboard/festivals/meihu-14/stars/tally", "stars-tally"],
      [`${STARS}/publish`, "stars-publish-before"],
      ["/dashboard/festivals/meihu-14/stars/publish", "stars-published"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      await screen(page, name);
    }
  });
});

test.describe("the organisers' Neighbourhood Stars in English", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("every page reads in English", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    for (const [path, heading, name] of [
      [STARS, "Categories · 第十五届美湖邻里节", "stars-categories-en"],
      [`${NOMINATIONS}?status=approved`, "Vetting · 第十五届美湖邻里节", "stars-nominations-en"],
      ["/dashboard/festivals/meihu-14/stars/tally", "Live tally · 第十四届美湖邻里节", "stars-tally-en"],
      [`${STARS}/publish`, "Results · 第十五届美湖邻里节", "stars-publish-before-en"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
      await screen(page, name);
    }
    await expect(page.getByText(/^Voting closes on .+; the results can be published here after that\./)).toBeVisible();
  });
});
