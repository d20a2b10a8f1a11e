import { expect, test } from "@playwright/test";
import {
  checkIn,
  COMPETITIONS,
  DEMO,
  expectAccessible,
  expectNoOverflow,
  grantReferee,
  newPage,
  setUpCompetition,
  shooter,
  signInAt,
} from "./support";

// Running competitions at the 15th festival: an organiser sets up the Go item (three places
// taken, round robin) and the table-tennis item (a knockout of the two who check in), checks
// entrants in, makes the draws and appoints 王秀英 referee; she enters results on a phone. No
// registration changes, so the registration specs that run later see the demo as seeded.

const LIST = COMPETITIONS;
const shot = shooter("/tmp/shots-comp-run");
const setUp = setUpCompetition;

test.describe.serial("running a competition", () => {
  test("an organiser sets up the Go and table-tennis competitions, checks entrants in, draws and appoints a referee", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 1280, baseURL!);
    await signInAt(page, DEMO.organiser, "/dashboard");
    // Beside the festival's other tabs.
    await page.goto("/dashboard/festivals/meihu-15/registrations");
    await page.getByRole("navigation", { name: "本届的工作" }).getByRole("link", { name: "比赛", exact: true }).click();
    await expect(page).toHaveURL(/\/competitions$/);
    await expect(page.getByRole("heading", { level: 2, name: "围棋比赛" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "list-zh");

    // Go: the game is guessed from the name; three residents hold places.
    await setUp(page, "围棋比赛", async (form) => {
      await expect(form.getByLabel("项目")).toHaveValue("go");
      await expect(form.getByLabel("赛制")).toHaveValue("round_robin");
    });
    await expect(page.getByText("签到中", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "从报名更新名单" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "名单已更新：3 位参赛者，0 人还不能参赛。" }),
    ).toBeVisible();
    // The draw needs people who are here.
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "签到的参赛者不够" })).toBeVisible();
    await checkIn(page, 3);
    await expect(page.getByText("3 位参赛者，3 位已签到")).toBeVisible();
    await expectAccessible(page);
    await shot(page, "go-checkin-zh");
    await grantReferee(page);
    await page.getByLabel("随机数种子").fill("2026");
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(page.getByText("抽签种子：2026")).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "第 3 轮" })).toBeVisible();
    // Made again from the same seed, then locked once a result is in (below, by the referee).
    await page.getByRole("button", { name: "重新抽签" }).click();
    await expect(page.getByRole("status").filter({ hasText: "种子" })).toBeVisible();
    await expect(page.getByRole("button", { name: "退回签到" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "go-drawn-zh");

    // Times and tables: one board, 30 minutes a game. The suggestion (round after round from the
    // item's 09:30 start) runs past its 11:00 end: saved, with a warning.
    const schedule = page.getByRole("form", { name: "排时间和台号" });
    await expect(schedule.getByLabel("同时用几张台")).toHaveValue("1");
    await expect(schedule.getByLabel("每场比赛几分钟")).toHaveValue("30");
    const roundStart = (n: number) => schedule.getByLabel(`第 ${n} 轮开始`);
    await expect(roundStart(1)).toHaveValue(/T09:30$/);
    await expect(roundStart(3)).toHaveValue(/T10:40$/);
    await expect(schedule.getByText("1 场比赛，约 11:10 结束")).toBeVisible();
    await schedule.getByRole("button", { name: "保存时间和台号" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存。有 1 处时间冲突，见上面的提醒。" })).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "时间冲突提醒（1）" })
        .getByText(/^第 3 轮 1 号台（\d+月\d+日 10:40–11:10）不在这个项目的时间之内。$/),
    ).toBeVisible();
    await expectAccessible(page);
    await shot(page, "go-schedule-warning-zh");
    // Round 2 at 09:45 would start while round 1 is played: said as it is typed, refused if sent.
    const day = (await roundStart(1).inputValue()).slice(0, 10);
    await roundStart(2).fill(`${day}T09:45`);
    await expect(schedule.getByText("第 1 轮要到 10:00 才结束，这一轮请排在那之后。")).toBeVisible();
    await schedule.getByRole("button", { name: "保存时间和台号" }).click();
    await expect(schedule.getByRole("status").filter({ hasText: "这一轮在上一轮结束之前就开始了" })).toBeVisible();
    await roundStart(2).fill(`${day}T10:00`);
    await roundStart(3).fill(`${day}T10:30`);
    await schedule.getByRole("button", { name: "保存时间和台号" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存：每场比赛都有了台号和时间。" })).toBeVisible();
    await expect(page.getByText("没有人会同时出现在两个地方。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 4, name: /1 号台 · 10:30/ })).toBeVisible();
    await shot(page, "go-schedule-zh");

    // Table tennis: a knockout, best of three, between the two who check in.
    await setUp(page, "乒乓球比赛", async (form) => {
      await expect(form.getByLabel("项目")).toHaveValue("table_tennis");
      await form.getByLabel("赛制").selectOption("single_elimination");
      await expect(form.getByLabel("局数")).toHaveValue("3");
    });
    await page.getByRole("button", { name: "从报名更新名单" }).click();
    await expect(page.getByRole("status").filter({ hasText: "名单已更新：15 位参赛者" })).toBeVisible();
    await checkIn(page, 2);
    await grantReferee(page);
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(page.getByText(/^抽签种子：\d+$/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "第 1 轮" })).toBeVisible();
    await shot(page, "tt-drawn-zh");
    await page.context().close();
  });

  test("the referee enters results on a phone: an impossible score is refused, a stale form cannot overwrite", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 360, baseURL!);
    await signInAt(page, DEMO.resident, "/referee");
    await expect(page.getByRole("heading", { level: 1, name: "裁判录分" })).toBeVisible();
    await expect(page.getByRole("link", { name: /围棋比赛/ })).toBeVisible();
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "referee-list-zh");

    await page.getByRole("link", { name: /乒乓球比赛/ }).click();
    const match = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^(保存|更正)成绩：/ }) });
    await expect(match).toHaveCount(1);
    const fill = async (games: [string, string][]) => {
      for (const [i, [a, b]] of games.entries()) {
        const row = match.getByRole("group", { name: `第 ${i + 1} 局` });
        await row.getByRole("textbox").nth(0).fill(a);
        await row.getByRole("textbox").nth(1).fill(b);
      }
    };
    await fill([
      ["11", "10"],
      ["11", "5"],
    ]);
    await match.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(match.getByText("这个比分不可能出现，请核对。")).toBeVisible();
    await expect(match.getByText("未录入")).toBeVisible();
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "referee-tt-refused-zh");

    // A second phone with the same page open: its form still holds the old version.
    const other = await page.context().newPage();
    await other.setViewportSize({ width: 360, height: 900 });
    await other.goto(page.url());

    await fill([
      ["12", "10"],
      ["11", "5"],
    ]);
    await match.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(match.getByText("成绩已保存。")).toBeVisible();
    await expect(match.getByText("12–10, 11–5")).toBeVisible();

    const stale = other.getByRole("listitem").filter({ has: other.getByRole("button", { name: /^保存成绩：/ }) });
    const row = stale.getByRole("group", { name: "第 1 局" });
    await row.getByRole("textbox").nth(0).fill("3");
    await row.getByRole("textbox").nth(1).fill("11");
    await stale.getByRole("group", { name: "第 2 局" }).getByRole("textbox").nth(0).fill("5");
    await stale.getByRole("group", { name: "第 2 局" }).getByRole("textbox").nth(1).fill("11");
    await stale.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(stale.getByText("内容已被别人修改，请刷新后再试。")).toBeVisible();
    await page.reload();
    await expect(match.getByText("12–10, 11–5")).toBeVisible();
    await other.close();

    // Go: three big choices; a correction shows the result it replaces.
    await page.getByRole("link", { name: "← 我的比赛" }).click();
    await page.getByRole("link", { name: /围棋比赛/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "第 1 轮" })).toBeVisible();
    const go = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("button", { name: /^(保存|更正)成绩：/ }) })
      .first();
    await expect(go.getByRole("radio")).toHaveCount(3);
    await go.getByRole("radio", { name: /^1–0/ }).check();
    await go.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(go.getByText("成绩已保存。")).toBeVisible();
    await expect(go.locator("p").filter({ hasText: "成绩：" })).toContainText("1–0");
    await expect(go.getByRole("button", { name: /^更正成绩：/ })).toHaveText("更正成绩");
    await expect(page.getByRole("link", { name: "去第 2 轮" })).toBeVisible();
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "referee-go-zh");
    await page.context().close();
  });

  test("after the first result the draw is locked; the pages read the same in English", async ({
    browser,
    baseURL,
  }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await desk.goto(LIST);
    await desk.getByRole("link", { name: "进入比赛：围棋比赛" }).click();
    await expect(desk.getByText("已有成绩录入，抽签已锁定。")).toBeVisible();
    await expect(desk.getByRole("button", { name: "重新抽签" })).toHaveCount(0);
    const goUrl = desk.url();
    await desk.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await desk.goto(LIST);
    await expect(desk.getByRole("heading", { level: 1, name: /competitions$/ })).toBeVisible();
    await expectAccessible(desk);
    await shot(desk, "list-en");
    await desk.goto(goUrl);
    await expect(desk.getByText("Results are in: the draw is locked.")).toBeVisible();
    await expectAccessible(desk);
    await shot(desk, "go-en");
    await desk.context().close();

    const phone = await newPage(browser, 360, baseURL!);
    await signInAt(phone, DEMO.resident, "/referee");
    await phone.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await phone.reload();
    await expect(phone.getByRole("heading", { level: 1, name: "Enter results" })).toBeVisible();
    await phone.getByRole("link", { name: /围棋比赛/ }).click();
    await expect(phone.getByRole("button", { name: /^Save result:/ }).first()).toBeVisible();
    await expectAccessible(phone);
    await expectNoOverflow(phone);
    await shot(phone, "referee-go-en");
    await phone.goto("/referee");
    await shot(phone, "referee-list-en");
    await phone.context().close();
  });
});
