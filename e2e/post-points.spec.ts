import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, newPage, screen, signIn, signInAt } from "./support";

// The yearly points: the patrol's leaderboard an organiser reads, the point rules, the year-end
// reward round (bands, the preview, recording it, a reward handed over), and 刘洋 on his phone
// with his place on the board and the reward he was given. In English too.

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** From here on in English (signed in through the Chinese form first). */
const inEnglish = (page: Page, baseURL: string) =>
  page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);

/** A number in a cell or line: "40" of "40 积分". */
const numberIn = async (text: Promise<string>) => Number((await text).match(/\d+/)?.[0]);

let liuOnBoard = 0;

test.describe.serial("the yearly points", () => {
  test("an organiser reads the patrol's leaderboard and the point rules", async ({ browser, baseURL }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await desk.goto("/dashboard/posts");
    await desk.getByRole("link", { name: "治安巡逻岗的积分排行" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "治安巡逻岗 · 积分排行" })).toBeVisible();
    const table = desk.getByRole("region", { name: `治安巡逻岗 ${YEAR} 年积分排行` });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(5);
    // Most points first; equal points share a place.
    const points = await rows.locator("td:nth-child(4)").allInnerTexts();
    const ranks = await rows.locator("td:nth-child(1)").allInnerTexts();
    expect(points.map(Number)).toEqual([...points.map(Number)].sort((a, b) => b - a));
    for (let i = 1; i < ranks.length; i++)
      expect(Number(ranks[i])).toBe(points[i] === points[i - 1] ? Number(ranks[i - 1]) : i + 1);
    const liu = rows.filter({ hasText: "刘洋" });
    await expect(liu).toContainText("队长");
    liuOnBoard = await numberIn(liu.locator("td:nth-child(4)").innerText());
    expect(liuOnBoard).toBeGreaterThan(0);
    // Patrols (10 each) and the post's training (5) are what the points here are made of.
    expect(points.every((p) => Number(p) % 5 === 0)).toBe(true);
    await expectAccessible(desk);
    await screen(desk, "post-points-board");
    // The year before has nobody's points.
    await desk.getByRole("link", { name: `← ${YEAR - 1} 年` }).click();
    await expect(desk).toHaveURL(new RegExp(`/points\\?year=${YEAR - 1}$`));
    await expect(desk.getByRole("region", { name: `治安巡逻岗 ${YEAR - 1} 年积分排行` })).toBeVisible();
    await expect(desk.getByText(/共 0 积分/)).toBeVisible();

    // The rules: a bad number is refused and nothing changes.
    await desk.goto("/dashboard/points");
    const rule = desk.getByRole("form", { name: "走完一次治安巡逻" });
    // More than a rule may give is refused before it is sent (the service refuses it too).
    await rule.getByLabel("积分").fill("500");
    await rule.getByRole("button", { name: "保存" }).click();
    expect(await rule.getByLabel("积分").evaluate((el: HTMLInputElement) => el.validity.rangeOverflow)).toBe(true);
    await desk.reload();
    await expect(desk.getByRole("form", { name: "走完一次治安巡逻" }).getByLabel("积分")).toHaveValue("10");
    await expect(desk.getByText(/张丽 于 .+ 设定/).first()).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "post-points-rules");
    await desk.setViewportSize({ width: 360, height: 900 });
    await expectNoOverflow(desk);
    await desk.context().close();
  });

  test("an organiser sets the bands, checks who falls in each, records the round and hands a reward over", async ({
    browser,
    baseURL,
  }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    desk.on("dialog", (d) => d.accept());
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await desk.goto("/dashboard/posts");
    await desk.getByRole("link", { name: "年终回馈" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: `${YEAR} 年年终回馈` })).toBeVisible();
    await expect(desk.getByText("还没确定")).toBeVisible();
    const bands = desk.getByRole("list", { name: "积分档次" }).getByRole("listitem");
    await expect(bands).toHaveCount(3);
    await expect(bands.first()).toContainText("60 分起：荣誉证书和一桶食用油");

    // A band starting where another does is refused, and what was typed stays.
    await desk.getByLabel("从多少分起").fill("30");
    await desk.getByLabel("回馈", { exact: true }).fill("一把雨伞");
    await desk.getByRole("button", { name: "加上" }).click();
    await expect(desk.getByText("两个档次的起点分数相同，请改成不同的分数。").first()).toBeVisible();
    await expect(desk.getByLabel("回馈", { exact: true })).toHaveValue("一把雨伞");
    await expect(bands).toHaveCount(3);
    // A band nobody reaches, added and taken off again.
    await desk.getByLabel("从多少分起").fill("5000");
    await desk.getByRole("button", { name: "加上" }).click();
    await expect(desk.getByText("档次已加上。")).toBeVisible();
    await expect(bands).toHaveCount(4);
    await expect(bands.first()).toContainText("5000 分起：一把雨伞");
    await expect(bands.first()).toContainText("0 人");
    await desk.getByRole("button", { name: "删除档次 5000 分起：一把雨伞" }).click();
    await expect(bands).toHaveCount(3);

    // The preview: 刘洋's points of the year (his patrols and more) and the band they reach.
    const list = desk.getByRole("region", { name: `${YEAR} 年年终回馈名单` });
    const liu = list.locator("tbody tr").filter({ hasText: "刘洋" });
    const total = await numberIn(liu.locator("td:nth-child(3)").innerText());
    expect(total).toBeGreaterThanOrEqual(liuOnBoard);
    const reward = total >= 60 ? "荣誉证书和一桶食用油" : total >= 30 ? "一袋大米" : "一条毛巾";
    await expect(liu).toContainText(reward);
    await expect(liu).toContainText("138****0004");
    await expectAccessible(desk);
    await screen(desk, "post-points-round-draft");

    const people = await list.locator("tbody tr").count();
    await desk.getByRole("button", { name: "确定名单" }).click();
    await expect(desk.getByText("名单已确定", { exact: true })).toBeVisible();
    await expect(
      desk.getByText(new RegExp(`张丽 于 .+ 确定了名单：${people} 人得到回馈，已领取 0 人。`)),
    ).toBeVisible();
    // Recorded: the bands are fixed.
    await expect(desk.getByRole("button", { name: /^删除档次/ })).toHaveCount(0);
    await expect(desk.getByLabel("从多少分起")).toHaveCount(0);
    await desk.getByRole("button", { name: "登记已领取：刘洋" }).click();
    await expect(liu).toContainText("已领");
    await expect(desk.getByText("已经有 1 人领取，名单不能再退回修改。")).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "post-points-round-recorded");
    await desk.setViewportSize({ width: 360, height: 900 });
    await expectNoOverflow(desk);
    await screen(desk, "post-points-round-recorded");
    await desk.context().close();
  });

  test("刘洋 sees his points, his place and his reward on his phone", async ({ browser, baseURL }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.volunteer);
    await phone.goto("/me/posts");
    const card = phone.getByRole("region", { name: `我的 ${YEAR} 年积分` });
    const patrol = card.getByRole("listitem").filter({ hasText: "治安巡逻岗" }).first();
    await expect(patrol).toContainText(`${liuOnBoard} 积分`);
    await expect(patrol).toContainText(/在岗位上排第 \d+ 名（共 \d+ 人）/);
    // He is himself on the board; the others by name only where they agreed.
    await expect(card.getByRole("list", { name: "治安巡逻岗的前几名" })).toBeVisible();
    await expect(card.getByText(new RegExp(`${YEAR} 年：.+（\\d+ 积分）`))).toBeVisible();
    await expect(card.getByText(/已领取。$/)).toBeVisible();
    // And the notification of the round.
    await phone.goto("/me");
    await expect(phone.getByText(new RegExp(`${YEAR} 年的年终回馈定了`))).toBeVisible();
    await phone.goto("/me/posts");
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "post-points-me");
    await phone.context().close();
  });

  test("the points pages read in English", async ({ browser, baseURL }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await inEnglish(desk, baseURL!);
    await desk.goto("/dashboard/posts/rewards");
    await expect(desk.getByRole("heading", { level: 1, name: `Year-end rewards ${YEAR}` })).toBeVisible();
    await expect(desk.getByText("List recorded")).toBeVisible();
    await expect(desk.getByText("From 60 points: 荣誉证书和一桶食用油")).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "post-points-round-en");
    await desk.goto("/dashboard/posts");
    await desk.getByRole("link", { name: /^Points leaderboard of 治安巡逻岗$/ }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "治安巡逻岗: points leaderboard" })).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "post-points-board-en");
    await desk.context().close();

    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.volunteer);
    await inEnglish(phone, baseURL!);
    await phone.goto("/me/posts");
    const card = phone.getByRole("region", { name: `My points in ${YEAR}` });
    await expect(card.getByText(/Place \d+ of \d+ members? in the post/).first()).toBeVisible();
    await expect(card.getByRole("heading", { level: 3, name: "My year-end rewards" })).toBeVisible();
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "post-points-me-en");
    await phone.context().close();
  });
});
