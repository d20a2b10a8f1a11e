import { expect, test } from "@playwright/test";
import { parseICalendar } from "../lib/festivals/ical";
import { expectAccessible, failOnCspViolations, screen } from "./support";

// The pages work under the site's Content-Security-Policy: nothing they need is refused.
failOnCspViolations();

test.describe("the published programme", () => {
  test("a resident reads it by day, by venue and by kind, at phone width in Chinese and English", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/");
    await page.getByRole("link", { name: "查看节目单" }).click();
    await expect(page).toHaveURL(/\/festivals\/meihu-15$/);
    await expect(page.getByRole("heading", { level: 1, name: "第十五届美湖邻里节" })).toBeVisible();
    await expect(page.getByText(/最后更新：/)).toBeVisible();
    // The programme's own list (the festival page may also show the winners of competitions already played).
    const list = page.getByRole("region", { name: "节目单" }).locator("ol").first();
    await expect(list.getByRole("link", { name: "开幕式" })).toBeVisible();
    await expect(
      list.getByRole("listitem").filter({ hasText: "文艺汇演（上午场）" }).getByText("红歌合唱《歌唱祖国》"),
    ).toBeVisible();
    await expectAccessible(page);
    await screen(page, "programme");

    // Every day is on the page; the day links jump to it.
    const days = page.getByRole("navigation", { name: "日期" }).getByRole("link");
    await expect(days).toHaveCount(2);
    const secondDay = (await days.nth(1).getAttribute("href"))!;
    await days.nth(1).click();
    await expect(page).toHaveURL(new RegExp(`${secondDay}$`));
    await expect(page.locator(secondDay).getByRole("link", { name: "太极拳表演" })).toBeInViewport();

    // The kind filter hides the other kinds.
    await page.getByLabel("类型").selectOption({ label: "棋牌比赛" });
    await expect(page.getByRole("link", { name: "围棋比赛" })).toBeVisible();
    await expect(page.getByRole("link", { name: "太极拳表演" })).toBeHidden();
    await page.getByLabel("类型").selectOption({ label: "全部类型" });
    await expect(page.getByRole("link", { name: "太极拳表演" })).toBeVisible();

    await page.getByRole("link", { name: "按场地" }).click();
    await expect(page).toHaveURL(/\/festivals\/meihu-15\/venues$/);
    await expect(page.getByRole("heading", { name: "棋牌室" }).first()).toBeVisible();
    await expectAccessible(page);
    await screen(page, "programme-by-venue");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Programme" })).toBeVisible();
    await expect(page.getByRole("link", { name: "By venue" })).toBeVisible();
    await expectAccessible(page);
    await screen(page, "programme-en");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "节目单" })).toBeVisible();
  });

  test("an item has its own page and calendar entry; the whole programme downloads as iCalendar", async ({
    page,
    request,
  }) => {
    await page.goto("/festivals/meihu-15");
    await page.getByRole("link", { name: "文艺汇演（上午场）" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "文艺汇演（上午场）" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "节目顺序" })).toBeVisible();
    await expect(page.getByText("09:30–11:30")).toBeVisible();
    await expectAccessible(page);

    const whole = await request.get("/festivals/meihu-15/programme.ics");
    expect(whole.headers()["content-type"]).toContain("text/calendar");
    const events = parseICalendar(await whole.text());
    expect(events).toHaveLength(14);
    const opening = events.find((e) => e.SUMMARY === "开幕式")!;
    // 09:00–09:30 in Hefei is 01:00–01:30 UTC.
    expect(opening.DTSTART).toMatch(/T010000Z$/);
    expect(opening.DTEND).toMatch(/T013000Z$/);
    expect(opening.LOCATION).toBe("社区广场");
    const show = events.find((e) => e.SUMMARY === "文艺汇演（上午场）")!;
    expect(show.DESCRIPTION).toContain("1. 红歌合唱《歌唱祖国》 (紫藤合唱团)");

    const one = await request.get(page.url() + "/calendar.ics");
    expect(parseICalendar(await one.text()).map((e) => e.SUMMARY)).toEqual(["文艺汇演（上午场）"]);
    expect((await request.get("/festivals/no-such-festival/programme.ics")).status()).toBe(404);
  });

  test("the print view has a page a day, and the venue screen shows now and next", async ({ page, request }) => {
    const events = parseICalendar(await (await request.get("/festivals/meihu-15/programme.ics")).text());
    const opening = events.find((e) => e.SUMMARY === "开幕式")!;
    const d = opening.DTSTART;
    const start = new Date(
      `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:00Z`,
    );

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/festivals/meihu-15/print");
    await expect(page.locator("section.day-page")).toHaveCount(2);
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    await screen(page, "programme-print");
    await page.emulateMedia({ media: "screen" });

    // 10:00 on the first day: the opening is over, the morning show and tug-of-war are on.
    const at = new Date(start.getTime() + 60 * 60_000).toISOString();
    await page.goto(`/festivals/meihu-15/now?at=${encodeURIComponent(at)}`);
    await expect(page.getByRole("heading", { name: "正在进行" })).toBeVisible();
    const now = page.getByRole("region", { name: "正在进行" });
    await expect(now.getByText("文艺汇演（上午场）")).toBeVisible();
    await expect(now.getByText("拔河比赛")).toBeVisible();
    await expect(now.getByText("黄梅戏《天仙配》选段")).toBeVisible();
    await expect(page.getByRole("region", { name: "接下来" }).getByText("掼蛋比赛")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "programme-now");
  });

  test("a draft festival is not shown to residents", async ({ page }) => {
    const res = await page.goto("/festivals/meihu-16-draft-that-does-not-exist");
    expect(res?.status()).toBe(404);
  });
});
