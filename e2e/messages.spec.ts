import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, newPage, screen, signIn, signInAt } from "./support";

// Messages that reach people: a reminder before a claim lapses, word that an act moved when the
// programme is published again, and an organiser's notice to the athletes of one event. Each is
// read where its person reads it — "Me" in Linli, and the text message in the outbox — and in the
// organisers' delivery log. The queue runs in the app server; each check waits for it.

const REVIEW = "/dashboard/festivals/meihu-15/registrations";
const BUILDER = "/dashboard/festivals/meihu-15/programme";

/** The outbox's texts to one number, read as an admin reads them, in a context of its own. */
async function textsTo(browser: Browser, baseURL: string, phone: string): Promise<string[]> {
  const admin = await newPage(browser, 1280, baseURL);
  try {
    await signIn(admin, DEMO.admin, DEMO_PASSWORD, /\/dashboard$/);
    await admin.goto(`/dashboard/messages/outbox?q=${phone}`);
    return await admin.getByTestId("outbox-text").allInnerTexts();
  } finally {
    await admin.context().close();
  }
}

/** Waits for the queue: reloads until `text` is on the person's "Me". */
async function awaitNotice(page: Page, text: string | RegExp) {
  const notices = page.locator("[aria-labelledby=notifications-title]");
  await expect(async () => {
    await page.goto("/me");
    await expect(notices.getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test.describe.serial("messages", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("a volunteer is reminded, in the app and by text, a day before their claim on a wish lapses", async ({
    browser,
    baseURL,
  }) => {
    // The demo volunteer's claim lapses within the day: its reminder ran when the queue started.
    const page = await newPage(browser, 360, baseURL!);
    await signIn(page, DEMO.volunteer);
    await awaitNotice(page, /您认领的心愿“陪我去医院复查”将在 .+ 到期/);
    await screen(page, "me-claim-reminder");
    await page.context().close();

    const texts = await textsTo(browser, baseURL!, DEMO.volunteer);
    const reminder = texts.find((x) => x.includes("陪我去医院复查"));
    expect(reminder).toMatch(/^【邻里】您认领的微心愿“陪我去医院复查”将在 .+ 到期。/);
    // The wish's title only: never whom it is for or where they live.
    expect(reminder).not.toMatch(/孙|栋|单元/);
  });

  test("a performer is told in the app and by text that their act moved when the programme is published again", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto(`${REVIEW}?role=performer`);
    const act = page.getByRole("region", { name: "报名列表" }).getByRole("row").filter({ hasText: "二胡独奏《良宵》" });
    const phone = (await act.innerText()).match(/\b1\d{10}\b/)?.[0];
    expect(phone, "the performer's number on the review").toBeTruthy();
    await act.locator("summary").click();
    await act.getByLabel("排进演出板块").selectOption({ label: "文艺汇演（下午场）" });
    await act.getByRole("button", { name: "排进节目单" }).click();
    await expect(act.getByText("已排进节目单：二胡独奏《良宵》")).toBeVisible();

    // Published with the act at the end of the afternoon's running order…
    await page.goto(BUILDER);
    await page.getByRole("button", { name: "发布节目单" }).click();
    await expect(page.getByText("居民看到的是最新版本。")).toBeVisible();
    // … then moved one place up, and published again.
    await page
      .getByRole("button", { name: /^\d{4}-\d{2}-\d{2}$/ })
      .nth(1)
      .click();
    await page.getByRole("button", { name: /^文艺汇演（下午场） ，/ }).press("Enter");
    const dialog = page.getByRole("dialog", { name: "节目详情" });
    const line = dialog.getByRole("listitem").filter({ hasText: "二胡独奏《良宵》" });
    const before = (await line.innerText()).match(/\d{2}:\d{2}/)![0];
    await dialog.getByRole("button", { name: "上移 二胡独奏《良宵》" }).click();
    await expect(line).not.toContainText(before);
    const after = (await line.innerText()).match(/\d{2}:\d{2}/)![0];
    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(page.getByText("有修改尚未发布。")).toBeVisible();
    await page.getByRole("button", { name: "发布节目单" }).click();
    await expect(page.getByText("居民看到的是最新版本。")).toBeVisible();

    const performer = await newPage(browser, 360, baseURL!);
    await signIn(performer, phone!);
    await awaitNotice(performer, new RegExp(`变动通知：您参加的“二胡独奏《良宵》”从 .*${before} 改到了 .*${after}`));
    await screen(performer, "me-slot-moved");
    await performer.context().close();

    await expect(async () => {
      const moved = (await textsTo(browser, baseURL!, phone!)).find((x) => x.includes("变动通知"));
      expect(moved).toMatch(new RegExp(`^【邻里】变动通知：您参加的“二胡独奏《良宵》”改到了 .*${after}，地点：`));
    }).toPass({ timeout: 30_000 });
  });

  test("an organiser sends a notice to the athletes of one event: the count before, the delivery log after", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/messages");
    await page.getByRole("radio", { name: "某个节目或比赛的参加者" }).check();
    const item = page.getByLabel("哪个节目或比赛");
    await item.selectOption(
      (await item
        .locator("option")
        .filter({ hasText: /^拔河比赛 · .* · 第十五届/ })
        .first()
        .getAttribute("value"))!,
    );
    const body = "拔河比赛改在社区广场东侧，请提前十分钟到场检录。";
    await page.getByLabel("通知内容").fill(body);
    await page.getByRole("checkbox", { name: /也发短信/ }).check();
    await expect(page.getByRole("button", { name: "发送", exact: true })).toBeDisabled();
    await page.getByRole("button", { name: "看看会发给多少人" }).click();
    const preview = page.getByTestId("broadcast-preview");
    await expect(preview).toHaveText(/^会发给 \d+ 人，其中 \d+ 人也会收到短信。$/);
    const [, people, texts] = (await preview.innerText()).match(/会发给 (\d+) 人，其中 (\d+) 人/)!;
    expect(Number(people)).toBeGreaterThanOrEqual(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: "发送", exact: true }).click();
    await expect(
      page.getByText(`正在发给 ${people} 人，其中 ${texts} 人也会收到短信。`, { exact: false }),
    ).toBeVisible();
    // The queue sends it within seconds: "sending", then "sent" with its count.
    await expect(async () => {
      await page.goto("/dashboard/messages");
      const sent = page.getByRole("listitem").filter({ hasText: body });
      await expect(sent.getByText("已发送", { exact: true })).toBeVisible({ timeout: 2_000 });
      await expect(sent.getByText(new RegExp(`发给 ${people} 人，短信 ${texts} 条`))).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });

    // 王秀英 pulls in the tug of war: the delivery log shows her text message sent.
    await expect(async () => {
      await page.goto("/dashboard/messages/log");
      const row = page.getByTestId("delivery").filter({ hasText: "王秀英" }).filter({ hasText: "社区通知" }).first();
      await expect(row.getByText("已发出")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await screen(page, "delivery-log");

    const resident = await newPage(browser, 360, baseURL!);
    await signIn(resident, DEMO.resident);
    await awaitNotice(resident, `社区通知：${body}`);
    await resident.context().close();
    const sms = (await textsTo(browser, baseURL!, DEMO.resident)).find((x) => x.includes("社区通知"));
    expect(sms).toMatch(/^【邻里】社区通知：拔河比赛改在社区广场东侧/);
  });
});
