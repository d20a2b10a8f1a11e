import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

// The archived 14th festival's page shows its results: the published Neighbourhood Stars beside
// the winners of its finished competitions (demo data: demo/seed-stars.ts, demo/seed-competitions.ts).
// The tug of war is a round robin whose order is fixed by the seed; the chess knockout's final is
// between the two advanced players, whichever way the draw fell.

const SHOTS = "/tmp/shots-winners";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

/** Nothing sticks out sideways: the page is no wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

for (const width of [360, 1280]) {
  test(`the 14th festival's page shows the Neighbourhood Stars and the competition winners at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/festivals/meihu-14");
    await expect(page.getByRole("heading", { level: 1, name: "第十四届美湖邻里节" })).toBeVisible();

    const stars = page.getByRole("region", { name: "邻里之星评选结果" });
    await expect(stars.getByRole("heading", { name: "热心公益之星" })).toBeVisible();
    await expect(stars.getByText("陈玉梅", { exact: true })).toBeVisible();
    await expect(stars.getByText("郭国庆", { exact: true })).toBeVisible();
    await expect(stars.getByText("林淑芬", { exact: true })).toBeVisible();
    // Only the winners: a candidate who did not win is not named.
    await expect(stars.getByText("马卫东")).toHaveCount(0);
    await expect(stars.getByRole("link", { name: "查看完整评选结果和证书" })).toHaveAttribute(
      "href",
      "/festivals/meihu-14/stars/results",
    );

    const winners = page.getByRole("region", { name: "比赛结果" });
    const tug = winners.getByRole("article", { name: "拔河比赛" });
    await expect(tug.getByText("拔河 · 循环赛")).toBeVisible();
    const tugPlaces = tug.getByRole("listitem");
    await expect(tugPlaces).toHaveCount(3);
    await expect(tugPlaces.nth(0)).toContainText("冠军湖畔雅苑 3栋队");
    await expect(tugPlaces.nth(1)).toContainText("亚军湖畔雅苑 1栋队");
    await expect(tugPlaces.nth(2)).toContainText("季军湖畔雅苑 4栋队");

    const chess = winners.getByRole("article", { name: "象棋比赛" });
    await expect(chess.getByText("象棋 · 淘汰赛")).toBeVisible();
    const chessPlaces = chess.getByRole("listitem");
    await expect(chessPlaces).toHaveCount(3);
    await expect(chessPlaces.nth(0)).toContainText(/冠军(潘德华|朱强)$/);
    await expect(chessPlaces.nth(1)).toContainText(/亚军(潘德华|朱强)$/);
    await expect(chessPlaces.nth(2)).toContainText(/季军(韩卫东|赵秀英)$/);

    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shot(page, "festival-14");

    // The link goes to the competition's own page, whose champion is the same.
    const champion = (await chessPlaces.nth(0).textContent())!.match(/冠军(.+)$/)![1];
    await chess.getByRole("link", { name: "查看象棋比赛的对阵和成绩" }).click();
    await expect(page).toHaveURL(/\/festivals\/meihu-14\/competitions\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "象棋比赛" })).toBeVisible();
    await expect(page.getByText(champion).first()).toBeVisible();
  });
}

test("in English; the 15th festival's page has no Stars before they are published and no unfinished competition", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto("/festivals/meihu-14");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Neighbourhood Star results" })).toBeVisible();
  const winners = page.getByRole("region", { name: "Competition winners" });
  await expect(winners.getByRole("article", { name: "拔河比赛" }).getByText("Tug of war · Round robin")).toBeVisible();
  await expect(winners.getByText("Runner-up").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, "festival-14-en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "比赛结果" })).toBeVisible();

  await page.goto("/festivals/meihu-15");
  await expect(page.getByRole("heading", { level: 1, name: "第十五届美湖邻里节" })).toBeVisible();
  await expect(page.getByRole("region", { name: "邻里之星评选结果" })).toHaveCount(0);
  // Competitions the journeys before this spec finished may be listed; the Go round robin, still
  // being played, never is.
  await expect(page.getByRole("region", { name: "比赛结果" }).getByText("围棋比赛")).toHaveCount(0);
});
