import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, newPage, screen, signIn, signInAt } from "./support";

// The security patrol: an organiser draws up next month's rota and prints it; tonight's leader
// (the demo's 刘洋) starts the patrol on a phone, writes down what the team saw and passes it to
// property management, then ends it with who walked; the organiser finds the note waiting.

const nextMonth = () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const [y, m] = today.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

/** The demo patrol post's roster address, found from the posts page as an organiser finds it. */
async function rosterOf(page: import("@playwright/test").Page) {
  await page.goto("/dashboard/posts");
  await page.getByRole("link", { name: "治安巡逻岗" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[0-9a-f-]{36}$/);
  return `${new URL(page.url()).pathname}/roster`;
}

test.describe.serial("the patrol", () => {
  test("an organiser draws up next month's rota, sees it by day and by person, and prints it", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAt(page, DEMO.organiser, "/dashboard");
    const roster = await rosterOf(page);
    const month = nextMonth();
    await page.goto(`${roster}?month=${month}`);
    page.on("dialog", (d) => d.accept());
    await page.getByRole("button", { name: /排出这个月的班|重新排这个月/ }).click();
    await expect(page.getByRole("status").filter({ hasText: /排好了 \d+ 天/ })).toBeVisible();
    await page.reload();
    const days = page.getByRole("region", { name: "每天的巡逻队" }).locator("tbody tr");
    const length = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5), 0)).getUTCDate();
    await expect(days).toHaveCount(length);
    // Every day of the month has a leader: the demo's three leaders are free enough.
    await expect(page.getByRole("region", { name: "每天的巡逻队" }).getByText("缺队长")).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "patrol-roster");
    await page.getByRole("link", { name: "按人" }).click();
    const people = page.getByRole("region", { name: "每人这个月的巡逻" }).locator("tbody tr");
    await expect(people.first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "刘洋" })).toBeVisible();
    await page.getByRole("link", { name: "打印排班表" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("治安巡逻岗");
    await expect(page.locator("tbody tr")).toHaveCount(length);
    await expectAccessible(page);
    await screen(page, "patrol-rota-print");
  });

  test("tonight's leader starts the patrol on a phone, notes a broken light for property, and ends it", async ({
    browser,
    baseURL,
  }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.volunteer);
    await expect(phone.getByText(/今天 19:00 您带队巡逻/)).toBeVisible();
    await phone.getByRole("link", { name: "打开今天的巡逻" }).click();
    await expect(phone).toHaveURL(/\/me\/posts$/);
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "patrol-me-before");
    await phone.getByRole("button", { name: "开始巡逻" }).click();
    await expect(phone.getByText(/巡逻中：\d\d:\d\d 开始/)).toBeVisible();

    await phone.getByLabel("看到了什么").selectOption("lighting");
    await phone.getByLabel("在哪里").fill("7 栋东侧小路");
    await phone.getByLabel("具体情况").fill("路灯一闪一闪的，快坏了。");
    await phone.getByRole("button", { name: "记下来" }).click();
    await expect(phone.getByText("路灯一闪一闪的，快坏了。")).toBeVisible();
    await phone.getByRole("button", { name: "转给物业" }).click();
    await expect(phone.getByText("已转给物业")).toBeVisible();

    // One of the team did not come: untick them.
    const boxes = phone.getByRole("group", { name: /今天谁来巡逻了/ }).getByRole("checkbox");
    await expect(boxes).toHaveCount(4);
    await boxes.last().uncheck();
    await expectAccessible(phone);
    await screen(phone, "patrol-me-walking");
    await phone.getByRole("button", { name: "结束巡逻" }).click();
    await expect(phone.getByText(/今天的巡逻已结束：\d\d:\d\d–\d\d:\d\d/)).toBeVisible();
    await screen(phone, "patrol-me-ended");
    await phone.context().close();

    // The organiser sees tonight walked, and the note waiting for property management.
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    const roster = await rosterOf(desk);
    await desk.goto(roster);
    await expect(desk.getByText(/已巡逻 \d\d:\d\d–\d\d:\d\d/).first()).toBeVisible();
    const waiting = desk.locator("li", { hasText: "路灯一闪一闪的，快坏了。" });
    await expect(waiting).toBeVisible();
    await waiting.getByLabel("处理情况").fill("物业已报修");
    await waiting.getByRole("button", { name: "物业已处理" }).click();
    await desk.reload();
    await expect(desk.getByText("路灯一闪一闪的，快坏了。")).toHaveCount(0);
    await desk.context().close();
  });

  test("a member's passbook shows the hours served, and prints the year's certificate", async ({
    browser,
    baseURL,
  }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.volunteer);
    await expect(phone.getByText(/您一共为邻里服务了 [\d.]+ 小时/)).toBeVisible();
    await phone.getByRole("link", { name: "查看我的服务时长" }).click();
    await expect(phone).toHaveURL(/\/me\/hours$/);
    // Early in January the fortnight walked may all be last year's.
    if (await phone.getByText("这一年还没有服务时长记录。").isVisible())
      await phone.getByRole("navigation").getByRole("link").last().click();
    const entries = phone.locator("[aria-labelledby=hours-entries] li");
    await expect(entries.first()).toContainText("治安巡逻 · 治安巡逻岗");
    await expect(entries.first()).toContainText(/\d\d:\d\d–\d\d:\d\d/);
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "hours-me");
    await phone.getByRole("link", { name: /打印 \d{4} 年服务时长证明/ }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "志愿服务时长证明" })).toBeVisible();
    await expect(phone.getByText(/刘洋 在 \d{4} 年参加社区志愿服务 \d+ 次，累计服务 [\d.]+ 小时。/)).toBeVisible();
    await expectAccessible(phone);
    await phone.setViewportSize({ width: 1280, height: 900 });
    await screen(phone, "hours-certificate");
    await phone.context().close();

    // The organisers' report has them, by person, and exports every entry.
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard/hours");
    await expect(desk.getByRole("region", { name: "每人的服务时长" }).getByText("刘洋")).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "hours-dashboard");
    const href = await desk.getByRole("link", { name: "导出明细（CSV）" }).getAttribute("href");
    const csv = await desk.request.get(href!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("刘洋");
    await desk.context().close();
  });

  test("the leader's pages read in English too", async ({ browser, baseURL }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.volunteer);
    await phone.goto("/en/me/posts");
    await expect(phone.getByRole("heading", { level: 1, name: "My posts" })).toBeVisible();
    await expect(phone.getByText(/Today's patrol has ended/)).toBeVisible();
    await expectNoOverflow(phone);
    await screen(phone, "patrol-me-en");
    await phone.context().close();
  });
});
