import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  checkIn,
  COMPETITIONS,
  DEMO,
  expectAccessible,
  expectNoOverflow,
  newPage,
  setUpCompetition,
  shooter,
  signInAt,
} from "./support";

// A chess Swiss at the 15th festival, from check-in to the final standings: ten players over
// three rounds. The organiser sets it up and draws at the desk, then runs the rounds from a phone:
// results (a draw among them), the next round paired from the scores, one player withdrawn after
// round 2 is paired (that game goes to the opponent), another sitting round 3 out for half a
// point. Residents read the standings with Buchholz stated, every round's pairings, and nobody
// meets anyone twice.

const TITLE = "国际象棋比赛";
const shot = shooter("/tmp/shots-comp-swiss");

type Result = "1–0" | "½–½" | "0–1";

/** The organiser's page of this competition, found from the list. */
async function openCompetition(page: Page) {
  await page.goto(COMPETITIONS);
  await page.getByRole("link", { name: `进入比赛：${TITLE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
}

/** A round's boards on the organiser's page (a bye has no form, so it is not one). */
function boards(page: Page, round: number): Locator {
  return page
    .getByRole("region", { name: `第 ${round} 轮`, exact: true })
    .getByRole("listitem")
    .filter({ has: page.locator("summary") });
}

/** Opens each board's form in turn and saves the result given for it (null: leave it). */
async function enterRound(page: Page, round: number, results: (Result | null)[]) {
  const list = boards(page, round);
  await expect(list).toHaveCount(results.length);
  for (const [i, result] of results.entries()) {
    if (!result) continue;
    const board = list.nth(i);
    await board
      .locator("summary")
      .filter({ hasText: /^录入成绩：/ })
      .click();
    await board.getByRole("radio", { name: new RegExp(`^${result}`) }).check();
    await board.getByRole("button", { name: /^保存成绩：/ }).click();
    await expect(board.getByText("成绩已保存。")).toBeVisible();
    await expect(board.locator("p").filter({ hasText: "成绩：" })).toContainText(result);
  }
}

/** Who played whom in a round, read from the public page's table (white, black). */
async function pairingsOf(page: Page, round: number): Promise<[string, string][]> {
  const rows = page.getByRole("table", { name: `第 ${round} 轮对阵` }).locator("tbody tr");
  const pairs: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).getByRole("cell");
    const name = async (n: number) =>
      (await cells.nth(n).innerText())
        .replace(/\s*（胜）$/, "")
        .replace(/\s*\(胜\)$/, "")
        .trim();
    pairs.push([await name(1), await name(3)]);
  }
  return pairs;
}

let itemUrl = "";
let withdrawn = "";
let away = "";

test.describe.serial("a chess Swiss from check-in to final standings", () => {
  test("the organiser sets up a three-round Swiss, brings in ten players, checks them in and draws five boards", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 1280, baseURL!);
    await signInAt(page, DEMO.organiser, "/dashboard");
    await setUpCompetition(page, TITLE, async (form) => {
      await expect(form.getByLabel("项目")).toHaveValue("chess");
      await form.getByLabel("赛制").selectOption("swiss");
      await form.getByLabel("轮数").fill("3");
      await form.getByLabel("种子排位").selectOption("skill");
    });
    await expect(page.getByText("签到中", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "从报名更新名单" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "名单已更新：10 位参赛者，0 人还不能参赛。" }),
    ).toBeVisible();
    await expect(page.getByText("10 位参赛者，0 位已签到")).toBeVisible();
    // Nobody is here yet: no draw.
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "签到的参赛者不够" })).toBeVisible();
    await checkIn(page, 10);
    await expect(page.getByText("10 位参赛者，10 位已签到")).toBeVisible();
    await expectAccessible(page);
    await shot(page, "checked-in");

    // A seed given, as the desk would to repeat a draw. (The draw shuffles entrants sorted by id,
    // and ids are new in every demo database, so who plays whom still varies between runs:
    // nothing below depends on it.)
    await page.getByLabel("随机数种子").fill("2027");
    await page.getByRole("button", { name: "抽签", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "已抽签：10 位参赛者，5 场比赛，种子 2027。" }),
    ).toBeVisible();
    // A Swiss draws one round at a time.
    await expect(page.getByRole("heading", { level: 3, name: "第 1 轮" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "第 2 轮" })).toHaveCount(0);
    await expect(boards(page, 1)).toHaveCount(5);
    // Settings are fixed once drawn, and read back as chosen.
    await expect(page.getByText("瑞士制", { exact: true })).toBeVisible();
    await expect(page.getByText("按水平排位", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "drawn");
    itemUrl = page.url().replace(/^.*\/competitions\//, "/festivals/meihu-15/competitions/");
    await page.context().close();
  });

  test("on a phone the organiser enters round 1 (a draw among them) and pairs round 2; a round with a game open is not paired", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 360, baseURL!);
    await signInAt(page, DEMO.organiser, "/dashboard");
    await openCompetition(page);
    await expectNoOverflow(page);

    await enterRound(page, 1, ["1–0", "½–½", "0–1", null, "1–0"]);
    // One board still playing: the next round waits for it.
    await page.getByRole("button", { name: "编排下一轮" }).click();
    await expect(page.getByRole("status").filter({ hasText: "这一轮还有比赛没有结果。" })).toBeVisible();
    await enterRound(page, 1, [null, null, null, "1–0", null]);
    await expect(page.getByText("已有成绩录入，抽签已锁定。")).toBeVisible();
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "round1-entered");

    await page.getByRole("button", { name: "编排下一轮" }).click();
    await expect(page.getByRole("status").filter({ hasText: "第 2 轮已编排。" })).toBeVisible();
    await expect(boards(page, 2)).toHaveCount(5);
    await page.context().close();
  });

  test("a player withdraws after round 2 is paired: that game goes to the opponent; another sits round 3 out for half a point; the Swiss finishes", async ({
    browser,
    baseURL,
  }) => {
    const page = await newPage(browser, 360, baseURL!);
    await signInAt(page, DEMO.organiser, "/dashboard");
    await openCompetition(page);

    // The white player on board 1 of round 2 has to leave.
    const heading = await boards(page, 2).first().getByRole("heading").innerText();
    withdrawn = heading
      .replace(/^1 号台\s*/, "")
      .split(" 对 ")[0]
      .trim();
    expect(withdrawn).not.toBe("");
    const entrant = page.getByRole("region", { name: "参赛者" }).getByRole("listitem").filter({ hasText: withdrawn });
    await entrant.locator("summary").click();
    await entrant.getByRole("button", { name: `确认 ${withdrawn} 退赛` }).click();
    await expect(entrant.getByText("已退赛", { exact: true })).toBeVisible();
    await expect(boards(page, 2).first().locator("p").filter({ hasText: "成绩：" })).toContainText(`${withdrawn} 退赛`);
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "withdrawn");

    await enterRound(page, 2, [null, "0–1", "1–0", "½–½", "1–0"]);
    // Black on board 2 performs during round 3: asked off before it is paired, for half a point.
    away = (await boards(page, 2).nth(1).getByRole("heading").innerText())
      .replace(/^\d+ 号台\s*/, "")
      .split(" 对 ")[1]
      .trim();
    expect(away).not.toBe("");
    const awayRow = page.getByRole("region", { name: "参赛者" }).getByRole("listitem").filter({ hasText: away });
    await awayRow.getByRole("button", { name: `${away} 第 3 轮请假，记半分` }).click();
    await expect(awayRow.getByText("第 3 轮请假（半分）", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "编排下一轮" }).click();
    await expect(page.getByRole("status").filter({ hasText: "第 3 轮已编排。" })).toBeVisible();
    // Eight left to pair: four boards, no bye; the one who withdrew is not paired, the one away sits out.
    const round3 = page.getByRole("region", { name: "第 3 轮", exact: true });
    await expect(boards(page, 3)).toHaveCount(4);
    await expect(round3.getByText(/轮空/)).toHaveCount(0);
    await expect(round3.getByText(`${away} 请假（记半分）`)).toBeVisible();
    await expect(round3.getByText(withdrawn)).toHaveCount(0);
    await enterRound(page, 3, ["1–0", "0–1", "1–0", "½–½"]);
    await expect(page.getByText("已结束", { exact: true })).toBeVisible();
    // No fourth round to pair.
    await expect(page.getByRole("button", { name: "编排下一轮" })).toHaveCount(0);
    await expectNoOverflow(page);
    await shot(page, "finished");
    await page.context().close();
  });

  for (const width of [360, 1280]) {
    test(`residents read the final standings and the pairings at ${width} px: Buchholz stated, ten places, nobody met twice`, async ({
      browser,
      baseURL,
    }) => {
      const page = await newPage(browser, width, baseURL!);
      await page.goto(itemUrl);
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(page.getByText("已结束", { exact: true })).toBeVisible();
      await expect(page.getByText("国际象棋 · 瑞士制")).toBeVisible();
      await expect(page.getByText("参赛：10 人（其中退赛：1）")).toBeVisible();
      await expect(
        page.getByText(
          "积分相同时依次比较：对手分（所有对手的积分之和，轮空或弃权的一轮按自己的积分算）、去最低对手分",
        ),
      ).toBeVisible();

      if (width === 1280) {
        const standings = page.getByRole("table", { name: "积分表" });
        const rows = standings.locator("tbody tr");
        await expect(rows).toHaveCount(10);
        await expect(standings.getByRole("columnheader")).toHaveText([
          "名次",
          "名字",
          "积分",
          "已赛",
          "胜",
          "和",
          "负",
          "轮空",
          "对手分",
          "去最低对手分",
          "索伯分",
        ]);
        const places = (await rows.locator("td:first-child").allInnerTexts()).map((t) => Number.parseInt(t, 10));
        expect(places[0]).toBe(1);
        expect(places).toEqual([...places].sort((a, b) => a - b));
        // The one who withdrew is still listed, and marked.
        await expect(standings.getByRole("rowheader").filter({ hasText: withdrawn })).toHaveText(
          `${withdrawn}(已退赛)`,
        );
        // Points add up: 1 a game (½ each for a draw), and in round 3 four games and ½ for sitting out.
        const total = (await rows.locator("td:nth-child(3)").allInnerTexts()).reduce(
          (n, t) => n + (Number.parseInt(t, 10) || 0) + (t.includes("½") ? 0.5 : 0),
          0,
        );
        expect(total).toBe(5 + 5 + 4.5);
      } else {
        // On a phone each player is a card with every figure, the tie-breaks included.
        const cards = page.getByRole("list", { name: "积分表" }).getByRole("listitem");
        await expect(cards).toHaveCount(10);
        await expect(cards.first()).toContainText(/^名次 1/);
        for (const label of ["积分", "对手分", "去最低对手分", "索伯分", "轮空"])
          await expect(cards.first()).toContainText(label);
        await expect(cards.filter({ hasText: withdrawn })).toContainText("(已退赛)");
      }

      if (width === 1280) {
        const seen = new Set<string>();
        for (const round of [1, 2, 3]) {
          const pairs = await pairingsOf(page, round);
          expect(pairs).toHaveLength(round === 3 ? 4 : 5);
          for (const [white, black] of pairs) {
            const key = [white, black].sort().join(" × ");
            expect(seen.has(key), `${key} met twice`).toBe(false);
            seen.add(key);
          }
        }
        await expect(
          page.getByRole("table", { name: "第 2 轮对阵" }).getByRole("row").filter({ hasText: withdrawn }),
        ).toContainText("退赛");
        await expect(page.getByText(/本轮轮空，记胜一场/)).toHaveCount(0);
        await expect(page.getByText(`${away} 本轮请假，记半分`)).toBeVisible();
      } else {
        await expectNoOverflow(page);
      }
      await expectAccessible(page);
      await shot(page, "public-standings");
      await page.context().close();
    });
  }
});
