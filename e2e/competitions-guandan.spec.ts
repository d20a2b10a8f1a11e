import { expect, test, type Page } from "@playwright/test";
import {
  checkIn,
  DEMO,
  expectAccessible,
  expectNoOverflow,
  grantReferee,
  newPage,
  setUpCompetition,
  shooter,
  signInAt,
} from "./support";

// A Guandan round robin at the 15th festival, from check-in to the final standings: six pairs
// who named each other when they registered. The organiser sets it up, checks the pairs in and
// draws five rounds of three tables; the referee, 王秀英, enters all fifteen results on her phone
// as the levels each pair reached (one side must have passed A); residents read the standings.

const TITLE = "掼蛋比赛";
const shot = shooter("/tmp/shots-comp-guandan");

/** Each table's result, round by round: the level the losing pair reached, and which side passed A. */
const RESULTS: { winner: "a" | "b"; loser: string }[][] = [
  [
    { winner: "a", loser: "10" },
    { winner: "b", loser: "K" },
    { winner: "a", loser: "5" },
  ],
  [
    { winner: "b", loser: "J" },
    { winner: "a", loser: "A" },
    { winner: "a", loser: "8" },
  ],
  [
    { winner: "a", loser: "Q" },
    { winner: "b", loser: "3" },
    { winner: "b", loser: "9" },
  ],
  [
    { winner: "a", loser: "7" },
    { winner: "a", loser: "K" },
    { winner: "b", loser: "2" },
  ],
  [
    { winner: "b", loser: "6" },
    { winner: "a", loser: "J" },
    { winner: "b", loser: "A" },
  ],
];

let itemUrl = "";

/** The referee's forms on the round now shown. */
const tables = (page: Page) =>
  page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^(保存|更正)成绩：/ }) });

test.describe.serial("a Guandan round robin from check-in to final standings", () => {
  test("the organiser sets up the pairs' round robin, checks six pairs in, appoints the referee and draws five rounds", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 1280, baseURL!);
    await signInAt(page, DEMO.organiser, "/dashboard");
    await setUpCompetition(page, TITLE, async (form) => {
      await expect(form.getByLabel("项目")).toHaveValue("guandan");
      await expect(form.getByLabel("赛制")).toHaveValue("round_robin");
      await expect(form.getByLabel("参赛方式")).toHaveValue("pair");
    });
    await page.getByRole("button", { name: "从报名更新名单" }).click();
    // Pairs are the registrations that named each other; anyone still looking for a partner waits.
    await expect(
      page.getByRole("status").filter({ hasText: /^名单已更新：6 位参赛者，\d+ 人还不能参赛。$/ }),
    ).toBeVisible();
    const entrants = page.getByRole("region", { name: "参赛者" });
    await expect(entrants.getByRole("button", { name: / \/ .*未到$/ })).toHaveCount(6);
    await checkIn(page, 6);
    await expect(page.getByText("6 位参赛者，6 位已签到")).toBeVisible();
    await grantReferee(page);
    await expectAccessible(page);
    await shot(page, "checked-in");

    await page.getByLabel("随机数种子").fill("15");
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "已抽签：6 位参赛者，15 场比赛，种子 15。" }),
    ).toBeVisible();
    for (let round = 1; round <= 5; round++) {
      const matches = page.getByRole("region", { name: `第 ${round} 轮`, exact: true }).getByRole("listitem");
      await expect(matches).toHaveCount(3);
    }
    await expect(page.getByRole("heading", { level: 3, name: "第 6 轮" })).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, "drawn");
    itemUrl = page.url().replace(/^.*\/competitions\//, "/festivals/meihu-15/competitions/");
    await page.context().close();
  });

  test("the referee enters all fifteen results on a phone, as levels reached; a game nobody finished is refused", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 360, baseURL!);
    await signInAt(page, DEMO.resident, "/referee");
    await page.getByRole("link", { name: new RegExp(TITLE) }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "轮次" }).getByRole("link")).toHaveCount(5);

    // Neither pair passed A: the game is still on.
    const first = tables(page).first();
    await first.getByRole("combobox").nth(0).selectOption("K");
    await first.getByRole("combobox").nth(1).selectOption("Q");
    await first.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(first.getByText("比赛还没有打完。")).toBeVisible();
    await expect(first.getByText("未录入")).toBeVisible();
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "referee-refused");

    for (const [r, results] of RESULTS.entries()) {
      const round = r + 1;
      await expect(page.getByRole("heading", { level: 2, name: `第 ${round} 轮` })).toBeVisible();
      await expect(tables(page)).toHaveCount(3);
      for (const [i, { winner, loser }] of results.entries()) {
        const table = tables(page).nth(i);
        const [a, b] = winner === "a" ? ["过A", loser] : [loser, "过A"];
        await table.getByRole("combobox").nth(0).selectOption({ label: a });
        await table.getByRole("combobox").nth(1).selectOption({ label: b });
        await table.getByRole("button", { name: /^保存成绩：/ }).click();
        await expect(table.getByText("成绩已保存。")).toBeVisible();
        await expect(table.locator("p").filter({ hasText: "成绩：" })).toContainText(`${a} : ${b}`);
      }
      if (round === 1) {
        await expectAccessible(page);
        await expectNoOverflow(page);
        await shot(page, "referee-round1");
      }
      if (round < 5) {
        await expect(page.getByText("本轮成绩都已录入。")).toBeVisible();
        await page.getByRole("link", { name: `去第 ${round + 1} 轮` }).click();
      }
    }
    await expect(page.getByText("掼蛋 · 已结束")).toBeVisible();
    await expectNoOverflow(page);
    await page.context().close();
  });

  for (const width of [360, 1280]) {
    test(`residents read the final standings at ${width} px: points, the tie-break rule, six places`, async ({
      browser,
      baseURL,
    }) => {
      const page = await newPage(browser, width, baseURL!);
      await page.goto(itemUrl);
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(page.getByText("已结束", { exact: true })).toBeVisible();
      await expect(page.getByText("掼蛋 · 循环赛")).toBeVisible();
      await expect(page.getByText("参赛：6 对")).toBeVisible();
      await expect(page.getByText("计分：胜 2 分，负 0 分，弃权负 0 分。")).toBeVisible();
      await expect(
        page.getByText(
          "积分相同时依次比较：相互间成绩（并列的几位之间互相比赛所得的积分）、净胜级数（每场双方打到的级数之差，加起来）。仍然相同则名次并列。",
        ),
      ).toBeVisible();

      if (width === 1280) {
        const standings = page.getByRole("table", { name: "积分表" });
        await expect(standings.getByRole("columnheader")).toHaveText([
          "名次",
          "名字",
          "积分",
          "已赛",
          "胜",
          "负",
          "相互间成绩",
          "净胜级数",
        ]);
        const rows = standings.locator("tbody tr");
        await expect(rows).toHaveCount(6);
        // Everyone played five; fifteen games, two points a win.
        expect(await rows.locator("td:nth-child(4)").allInnerTexts()).toEqual(["5", "5", "5", "5", "5", "5"]);
        const pointsCol = (await rows.locator("td:nth-child(3)").allInnerTexts()).map(Number);
        expect(pointsCol.reduce((n, p) => n + p, 0)).toBe(30);
        expect(pointsCol).toEqual([...pointsCol].sort((a, b) => b - a));
        expect(await rows.first().locator("td").first().innerText()).toMatch(/^1/);
      } else {
        // On a phone each pair is a card, the tie-breaks on it rather than off the edge.
        const cards = page.getByRole("list", { name: "积分表" }).getByRole("listitem");
        await expect(cards).toHaveCount(6);
        await expect(cards.first()).toContainText(/^名次 1/);
        for (const card of await cards.all()) {
          await expect(card).toContainText("已赛5");
          await expect(card).toContainText("相互间成绩");
          await expect(card).toContainText("净胜级数");
        }
      }
      // Fifteen results in the fixtures, each one side at 过A.
      const results =
        width === 1280
          ? page.locator("table tbody td:nth-child(3)").filter({ hasText: "过A" })
          : page.locator("li").filter({ hasText: /号台/ }).filter({ hasText: "过A" });
      await expect(results).toHaveCount(15);

      if (width === 360) await expectNoOverflow(page);
      await expectAccessible(page);
      await shot(page, "public-standings");
      await page.context().close();
    });
  }
});
