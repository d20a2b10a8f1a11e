import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, newPage, screen, signIn, signInAt } from "./support";

// The posts' yearly training: an organiser plans one for the culture post today, ticks who came
// (王秀英 of the choir among them), corrects it; 王秀英 finds the training on her posts page and
// its hours in her passbook. The pages read in English too. (This file runs before
// posts-members.spec.ts, where 王秀英 leaves the choir.)

/** Today in Beijing, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const TITLE = "合唱发声培训";
let trainingPath = "";

async function culturePost(page: Page) {
  await page.goto("/dashboard/posts");
  await page.getByRole("link", { name: "文化传播岗" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[0-9a-f-]{36}$/);
}

/** From here on in English (signed in through the Chinese form first). */
const inEnglish = (page: Page, baseURL: string) =>
  page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);

test.describe.serial("the posts' training", () => {
  test("an organiser plans today's training, ticks who came and corrects it; the hours are written", async ({
    browser,
    baseURL,
  }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await culturePost(desk);
    // The demo's year: one training held, one to come.
    const card = desk.getByRole("region", { name: "培训", exact: true });
    const rows = card.getByRole("region", { name: "文化传播岗今年的培训" }).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "文艺骨干培训" })).toContainText("已举办");
    await expect(rows.filter({ hasText: "群众文艺活动的组织" })).toContainText("待举办");
    await expectAccessible(desk);
    await screen(desk, "training-post");

    await card.getByRole("link", { name: "安排一次培训" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "文化传播岗 · 安排培训" })).toBeVisible();
    await desk.getByLabel("培训名称").fill(TITLE);
    await desk.getByLabel("日期").fill(today());
    await desk.getByLabel("开始").fill("08:00");
    await desk.getByLabel("结束").fill("07:30");
    await desk.getByLabel("地点").fill("多功能厅");
    await desk.getByLabel("讲课人").fill("区文化馆刘老师");
    await desk.getByRole("button", { name: "安排培训" }).click();
    // The end before the start is refused, and what was typed stays.
    await expect(desk.getByText("结束不能早于开始。").first()).toBeVisible();
    await expect(desk.getByLabel("培训名称")).toHaveValue(TITLE);
    await desk.getByLabel("结束").fill("09:30");
    await desk.getByRole("button", { name: "安排培训" }).click();
    await expect(desk).toHaveURL(/\/training\/[0-9a-f-]{36}\?planned=1$/);
    trainingPath = new URL(desk.url()).pathname.replace(/^\/(zh-CN|en)/, "");
    await expect(desk.getByText("培训已安排。当天或之后可以在这个页面点名。")).toBeVisible();
    await expect(desk.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(desk.getByText("08:00–09:30 · 1.5 小时")).toBeVisible();

    // Who came: 王秀英 and one more; then a correction adds a third and unticks the second.
    const who = desk.getByRole("group", { name: "谁来参加了培训（来了的打勾）" });
    const boxes = who.getByRole("checkbox");
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await who.getByLabel("王秀英", { exact: true }).check();
    const others = (await who.locator("label").allInnerTexts()).filter((n) => n !== "王秀英");
    await who.getByLabel(others[0], { exact: true }).check();
    await expectAccessible(desk);
    await screen(desk, "training-attendance");
    await desk.getByRole("button", { name: "保存点名" }).click();
    await expect(desk.getByText(`点名已保存：${count} 人中来了 2 人，这次新记上时长的有 2 人。`)).toBeVisible();
    await desk.reload();
    await expect(desk.getByText(`已点名：${count} 人中来了 2 人。`)).toBeVisible();
    const hours = desk.getByRole("list", { name: "这次培训记上的时长" }).getByRole("listitem");
    await expect(hours).toHaveCount(2);
    await expect(hours.filter({ hasText: "王秀英" })).toContainText("1.5 小时");
    // Held: it can no longer be changed or cancelled.
    await expect(desk.getByRole("button", { name: "取消这次培训" })).toHaveCount(0);
    await expect(desk.getByText("已经点过名，培训的内容不能再改，也不能取消。")).toBeVisible();

    await who.getByLabel(others[1], { exact: true }).check();
    await who.getByLabel(others[0], { exact: true }).uncheck();
    await desk.getByRole("button", { name: "改好了，重新保存" }).click();
    await expect(
      desk.getByText(
        `点名已保存：${count} 人中来了 2 人，这次新记上时长的有 1 人。 1 人这次取消了打勾：之前已记上的时长保留。`,
      ),
    ).toBeVisible();
    await desk.reload();
    await expect(hours).toHaveCount(3);
    // The checklist says who leads; the hours are by name.
    const unticked = others[0].replace(/（.+）$/, "");
    await expect(hours.filter({ hasText: unticked })).toContainText("（现在没打勾）");
    await expect(desk.getByText(/有 1 人现在没打勾，但已记上这次培训的时长/)).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "training-held");
    await desk.setViewportSize({ width: 360, height: 900 });
    await expectNoOverflow(desk);
    await screen(desk, "training-held");
    await desk.context().close();
  });

  test("王秀英 sees her post's coming training on her phone, and the hours in her passbook", async ({
    browser,
    baseURL,
  }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.resident);
    await phone.goto("/me/posts");
    const card = phone.getByRole("region", { name: "岗位培训" });
    await expect(card.getByText("群众文艺活动的组织")).toBeVisible();
    await expect(card.getByText("地点：多功能厅")).toBeVisible();
    await expect(card.getByText("讲课人：区文化馆刘老师")).toBeVisible();
    // Today's, already held, is among those she attended, not those to come.
    await expect(card.getByText(TITLE)).toHaveCount(1);
    await expect(card.getByRole("listitem").filter({ hasText: TITLE })).toContainText("记了 1.5 小时");
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "training-me-posts");

    await phone.goto("/me/hours");
    const entry = phone.locator("[aria-labelledby=hours-entries] li").filter({ hasText: TITLE });
    await expect(entry).toContainText("参加培训 · 文化传播岗");
    await expect(entry).toContainText(`${TITLE} 08:00–09:30`);
    await expect(entry).toContainText("1.5 小时");
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "training-me-hours");
    await phone.setViewportSize({ width: 1280, height: 900 });
    await screen(phone, "training-me-posts-wide");
    await phone.context().close();
  });

  test("the training pages read in English", async ({ browser, baseURL }) => {
    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await inEnglish(desk, baseURL!);
    await desk.goto(trainingPath);
    await expect(desk.getByRole("heading", { level: 2, name: "Attendance" })).toBeVisible();
    await expect(desk.getByText(/Attendance taken: 2 people of \d+ came\./)).toBeVisible();
    await expect(desk.getByRole("heading", { level: 2, name: "Service hours written" })).toBeVisible();
    await expectAccessible(desk);
    await screen(desk, "training-held-en");
    await desk.goto(trainingPath.replace(/[0-9a-f-]{36}$/, "new"));
    await expect(desk.getByRole("heading", { level: 1, name: /· plan a training$/ })).toBeVisible();
    await expect(desk.getByText("At most 8 hours.")).toBeVisible();
    await expectAccessible(desk);
    await desk.setViewportSize({ width: 360, height: 900 });
    await expectNoOverflow(desk);
    await screen(desk, "training-new-en");
    await desk.context().close();

    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, DEMO.resident);
    await inEnglish(phone, baseURL!);
    await phone.goto("/me/posts");
    const card = phone.getByRole("region", { name: "Training for my post" });
    await expect(card.getByText("Place: 多功能厅")).toBeVisible();
    await expect(card.getByRole("heading", { level: 3, name: "Trainings you attended this year" })).toBeVisible();
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await screen(phone, "training-me-posts-en");
    await phone.context().close();
  });
});
