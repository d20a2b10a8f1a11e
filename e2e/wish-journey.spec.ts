import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screen, signInAt, lettersOnly } from "./support";

// A micro-wish from beginning to end, each person in their own browser: an organiser writes it
// down for a beneficiary; a volunteer claims it on a phone and sees the contact; another
// volunteer finds it taken; the first marks it fulfilled with a photo and the time it took; the
// organiser confirms, correcting the time; the points are on the volunteer's /me and on the
// leaderboard, the hours in their passbook and the organisers' report, and the wish is in the gallery.
// Specs share one database: the wish and its beneficiary are this spec's own; the two volunteers
// are demo volunteers who hold no claim in the demo.

const run = lettersOnly(Date.now().toString(36).slice(-5));
const BENEFICIARY = `旅程受助人${run}`;
const PHONE = `1370${String(Date.now() % 10_000_000).padStart(7, "0")}`;
const ALIAS = `${run}奶奶`;
const TITLE = `一个热水袋${run}`;
const CLAIMANT = "13955500210";
const OTHER = "13955500252";
const PHONE_VIEW = { width: 360, height: 800 };

async function contextFor(browser: Browser, baseURL: string | undefined, viewport = PHONE_VIEW) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport });
  return context.newPage();
}

/** The wish's card on the wall, found by its title. */
const cardOn = (page: Page) =>
  page.getByRole("region", { name: "墙上的心愿" }).getByRole("article").filter({ hasText: TITLE });

test("a wish from the organiser's desk to the volunteer's points", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);

  // 1. The organiser writes the wish down for a beneficiary; it goes on the wall at once.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAt(page, DEMO.organiser, "/dashboard/wishes/new");
  await page.getByLabel("姓名").fill(BENEFICIARY);
  await page.getByLabel("手机号").fill(PHONE);
  await page.getByLabel("年龄").fill("81");
  await page.getByLabel("困难情况").selectOption({ label: "独居老人" });
  await page.getByLabel("地址").fill("美湖花园 5栋 2单元 201");
  await page.getByLabel("标题").fill(TITLE);
  await page.getByLabel("心愿故事").fill("冬天晚上脚冷睡不着，想要一个热水袋。");
  await page.getByLabel("类别").selectOption({ label: "物品" });
  await page.getByLabel("价值（元）").fill("30");
  await page.getByLabel("心愿墙上的称呼").fill(ALIAS);
  await page.getByRole("button", { name: "登记并上墙" }).click();
  await expect(page.getByText(`已登记：“${TITLE}”已在心愿墙上。`)).toBeVisible();

  // 2. A volunteer on a phone finds it on the wall and claims it; the contact is theirs to see.
  const volunteer = await contextFor(browser, baseURL);
  await signInAt(volunteer, CLAIMANT, "/me");
  const volunteerName = ((await volunteer.getByRole("heading", { level: 1 }).textContent()) ?? "")
    .replace(/^你好，/, "")
    .trim();
  expect(volunteerName.length).toBeGreaterThan(1);
  await volunteer.goto("/wishes?category=goods");
  const card = cardOn(volunteer);
  await expect(card.getByText(ALIAS, { exact: false })).toBeVisible();
  await expect(card.getByText("等待认领", { exact: true })).toBeVisible();
  await expect(volunteer.locator("body")).not.toContainText(BENEFICIARY);
  await card.getByRole("link", { name: `查看心愿：${TITLE}` }).click();
  await expect(volunteer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const wishUrl = volunteer.url();
  await expectAccessible(volunteer);
  await screen(volunteer, "journey-wish");
  await volunteer.getByRole("button", { name: "认领这个心愿" }).click();
  await expect(volunteer).toHaveURL(/\/me\/wishes/);
  await expect(volunteer.getByText("认领成功！", { exact: false })).toBeVisible();
  const claim = volunteer
    .getByRole("listitem")
    .filter({ has: volunteer.getByRole("heading", { level: 3, name: TITLE }) });
  await expect(claim.getByText(BENEFICIARY)).toBeVisible();
  await expect(claim.getByRole("link", { name: `拨打 ${PHONE}` })).toHaveAttribute("href", `tel:${PHONE}`);
  await expect(claim.getByText("美湖花园 5栋 2单元 201")).toBeVisible();
  await expectAccessible(volunteer);
  await screen(volunteer, "journey-claimed");

  // 3. Another volunteer finds it taken — without a name — and cannot claim it.
  const other = await contextFor(browser, baseURL);
  await signInAt(other, OTHER, "/me");
  await other.goto("/wishes?category=goods");
  await expect(cardOn(other).getByText("已被志愿者认领", { exact: true })).toBeVisible();
  await other.goto(wishUrl);
  await expect(other.getByText("这个心愿已被一位志愿者认领，正在帮忙实现。")).toBeVisible();
  await expect(other.getByRole("button", { name: "认领这个心愿" })).toHaveCount(0);
  await expect(other.locator("body")).not.toContainText(BENEFICIARY);
  await expect(other.locator("body")).not.toContainText(PHONE);
  await expect(other.locator("body")).not.toContainText(volunteerName);
  await expectAccessible(other);
  await screen(other, "journey-taken");
  await other.context().close();

  // 4. The wish came true: a note, the time it took and a photo. Too long a time is refused first.
  await claim.getByLabel("经过").fill("买了一个灌水的热水袋送到家里，教奶奶怎么用。");
  await expect(claim.getByRole("group", { name: "用了多少时间" })).toBeVisible();
  await claim.getByLabel("小时").fill("13");
  await claim.getByRole("button", { name: "提交：心愿实现了" }).click();
  await expect(claim.getByText("一个心愿最多记 12 小时。")).toBeVisible();
  await expect(claim.getByLabel("小时")).toHaveAttribute("aria-invalid", "true");
  await screen(volunteer, "journey-time-refused");
  await claim.getByLabel("小时").fill("1");
  await claim.getByLabel("分钟").fill("30");
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 220, g: 80, b: 60 } } })
    .jpeg()
    .toBuffer();
  await claim
    .locator('input[type="file"]')
    .setInputFiles({ name: "hot-water-bottle.jpg", mimeType: "image/jpeg", buffer: photo });
  await claim.getByRole("button", { name: "提交：心愿实现了" }).click();
  await expect(volunteer.getByText("谢谢您！已提交，等待社区确认。")).toBeVisible();
  const waiting = volunteer.getByRole("listitem").filter({ hasText: TITLE });
  await expect(waiting.getByText("已提交，等待社区确认。").first()).toBeVisible();
  await expect(waiting.getByText("您填写的时间：1 小时 30 分钟")).toBeVisible();
  await screen(volunteer, "journey-fulfilled");

  // 5. The organiser confirms it on the beneficiary's word, with her thanks: the points are written.
  await page.goto(`/dashboard/wishes?status=fulfilled&q=${encodeURIComponent(ALIAS)}`);
  const row = page.getByRole("region", { name: "微心愿" }).getByRole("row").filter({ hasText: ALIAS });
  await expect(row.getByText("买了一个灌水的热水袋送到家里", { exact: false })).toBeVisible();
  await expect(row.getByText(volunteerName)).toBeVisible();
  await row.getByLabel("受助人的感谢的话").fill("脚暖和了，睡得香，谢谢你！");
  // The time she declared, shown and prefilled; on the beneficiary's word it was two hours.
  await expect(row.getByText("志愿者填写的时间：1 小时 30 分钟")).toBeVisible();
  await expect(row.getByText("志愿者填写：1 小时 30 分钟")).toBeVisible();
  await expect(row.getByLabel("小时")).toHaveValue("1");
  await expect(row.getByLabel("分钟")).toHaveValue("30");
  await row.getByLabel("小时").fill("2");
  await row.getByLabel("分钟").fill("0");
  await expectAccessible(page);
  await screen(page, "journey-confirm-time");
  await row.getByRole("button", { name: `确认已圆梦：${ALIAS}` }).click();
  await expect(page.getByText(`已确认 ${ALIAS} 的心愿已圆梦：${volunteerName} 获得 10 积分。`)).toBeVisible();
  await expect(page.getByText("记入服务时长 2.0 小时。")).toBeVisible();
  // The organisers' hours report counts it as a micro-wish, outside the red posts.
  await page.goto("/dashboard/hours?view=post");
  await expect(page.getByRole("columnheader", { name: "完成微心愿" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "不属于岗位（邻里节、微心愿）" })).toBeVisible();

  // 6. The volunteer's points: on /me with the rule behind them, and on the year's leaderboard.
  await volunteer.goto("/me");
  const points = volunteer.getByRole("region", { name: "我的积分" });
  await expect(points.getByText(`完成微心愿：${TITLE}`)).toBeVisible();
  await expect(
    points.getByText("您认领的微心愿完成了，社区向受助居民确认后加分（当时的规则：+10 分）。").first(),
  ).toBeVisible();
  await expect(points.getByText("+10 分").first()).toBeVisible();
  await expectAccessible(volunteer);
  await screen(volunteer, "journey-me");
  await volunteer.getByRole("link", { name: "看积分榜" }).click();
  await expect(volunteer.getByRole("heading", { level: 1, name: /志愿积分榜$/ })).toBeVisible();
  const mine = volunteer.getByRole("row").filter({ hasText: "（我）" });
  await expect(mine.getByText(volunteerName)).toBeVisible();
  await expect(mine.getByText(/^完成心愿 \d+ 个$/)).toBeVisible();
  await expectAccessible(volunteer);
  await screen(volunteer, "journey-leaderboard");

  // 6b. The hours are in her passbook, in plain words, and beside the claim on /me/wishes.
  await volunteer.goto("/me/hours");
  const entry = volunteer.getByRole("listitem").filter({ hasText: `${TITLE} · ${ALIAS}` });
  await expect(entry.getByText("完成微心愿")).toBeVisible();
  await expect(entry.getByText("2.0 小时")).toBeVisible();
  await expectAccessible(volunteer);
  await screen(volunteer, "journey-passbook");
  await volunteer.goto("/me/wishes");
  const past = volunteer.getByRole("listitem").filter({ hasText: TITLE });
  await expect(past.getByText("记入服务时长 2.0 小时。")).toBeVisible();
  await expect(past.getByRole("link", { name: "查看我的服务时长" })).toHaveAttribute("href", /\/me\/hours$/);

  // 7. The wish is in the gallery with the thanks and the photo — still without her name.
  await volunteer.goto("/wishes");
  const gallery = volunteer.getByRole("region", { name: "圆梦时刻" });
  await expect(gallery.getByText(TITLE)).toBeVisible();
  await expect(gallery.getByText("脚暖和了，睡得香，谢谢你！", { exact: false })).toBeVisible();
  await expect(gallery.getByRole("img", { name: new RegExp(TITLE) })).toBeVisible();
  await expect(volunteer.locator("body")).not.toContainText(BENEFICIARY);
  await volunteer.context().close();
});
