import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, signIn, signInAt } from "./support";

// The red posts' members: an organiser takes on the resident waiting to join the patrol and adds a
// household member without an account; a resident asks to join the culture post from /posts;
// the public page names members and never shows a phone number. On a phone and on a desktop.

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** Nothing on the page, its data included, looks like a mobile number, whole or masked. */
async function expectNoPhones(page: Page) {
  const html = await page.content();
  expect(html.match(PHONE)?.[0] ?? null).toBeNull();
  expect(html).not.toContain("****");
}

test.describe.configure({ mode: "serial" });

test.describe("red posts: members", () => {
  test("an organiser accepts the waiting request on the patrol post and adds a household member", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard/posts");
    await expect(page.getByRole("heading", { level: 1, name: "红色岗位" })).toBeVisible();
    const patrolRow = page.getByRole("region", { name: "全部岗位" }).getByRole("row").filter({ hasText: "治安巡逻岗" });
    await expect(patrolRow.getByText("1 份等待处理")).toBeVisible();
    await expectAccessible(page);

    await patrolRow.getByRole("link", { name: "治安巡逻岗", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "治安巡逻岗" })).toBeVisible();
    await expect(page.getByRole("link", { name: "巡逻班表", exact: true })).toHaveAttribute(
      "href",
      /\/dashboard\/posts\/.+\/roster$/,
    );
    const requests = page.getByRole("list", { name: "等待处理的入岗申请" });
    const request = requests.getByRole("listitem").filter({ hasText: "周末晚上有空，想参加巡逻。" });
    await expect(request).toHaveCount(1);
    await expect(request).toContainText("周六、周日 · 晚上");
    // A number shown to organisers is masked.
    await expect(request.getByText(/^1\d\d\*\*\*\*\d{4}$/)).toBeVisible();
    const name = (await request.getByRole("heading", { level: 3 }).innerText()).trim();
    await expectAccessible(page);
    await request.getByRole("button", { name: `同意 ${name} 的申请`, exact: true }).click();
    await expect(page.getByText("没有等待处理的申请。")).toBeVisible();
    const members = page.getByRole("region", { name: "治安巡逻岗的成员" });
    await expect(members.getByRole("row").filter({ hasText: name })).toContainText("在岗");

    await page.getByRole("link", { name: "添加成员" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "为治安巡逻岗添加成员" })).toBeVisible();
    await page.getByLabel("姓名或手机号").fill("赵桂芳");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("link", { name: /赵桂芳/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "赵桂芳" })).toBeVisible();
    await expectAccessible(page);
    // A team leader must be a party member: refused beside the box, nothing written.
    await page.getByRole("checkbox", { name: /担任巡逻队长/ }).check();
    await page.getByRole("button", { name: "加入岗位" }).click();
    await expect(page.getByText("队长须是党员。")).toBeVisible();
    await page.getByRole("checkbox", { name: /担任巡逻队长/ }).uncheck();
    await page.getByRole("checkbox", { name: "周六" }).check();
    await page.getByRole("checkbox", { name: "周日" }).check();
    await page.getByRole("checkbox", { name: "晚上" }).check();
    await page.getByRole("checkbox", { name: /同意在公开页面上写出姓名/ }).check();
    await page.getByRole("button", { name: "加入岗位" }).click();
    await expect(page).toHaveURL(/\/dashboard\/posts\/[0-9a-f-]+\?added=/);
    await expect(page.getByText("赵桂芳 已加入这个岗位。")).toBeVisible();
    const added = page.getByRole("region", { name: "治安巡逻岗的成员" }).getByRole("row").filter({ hasText: "赵桂芳" });
    await expect(added).toContainText("无账户（家庭成员）");
    await expect(added).toContainText("周六、周日 · 晚上");
  });

  test("an organiser marks a choir member as having left", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard/posts");
    await page.getByRole("link", { name: "文化传播岗", exact: true }).click();
    await page.getByLabel("按姓名搜索成员").fill("王秀英");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("link", { name: "修改 王秀英" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "成员：王秀英" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("radio", { name: /^已离开这个岗位/ }).check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("王秀英 的信息已保存。")).toBeVisible();
    await page.getByRole("link", { name: /^已离开/ }).click();
    await expect(
      page.getByRole("region", { name: "文化传播岗的成员" }).getByRole("row").filter({ hasText: "王秀英" }),
    ).toContainText("已离开");
  });

  for (const width of [360, 1280]) {
    test(`the public page names members and shows no phone number (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/posts");
      await expect(page.getByRole("heading", { level: 1, name: "红色岗位" })).toBeVisible();
      for (const post of ["治安巡逻岗", "文化传播岗", "党建宣传岗"])
        await expect(page.getByRole("heading", { level: 2, name: post })).toBeVisible();
      for (const group of ["红歌合唱团", "太极拳小组", "晨练队", "书画院"])
        await expect(page.getByRole("heading", { level: 3, name: group })).toBeVisible();
      // The household member just taken on agreed to be named.
      await expect(page.getByRole("list", { name: "治安巡逻岗的成员" }).getByText("赵桂芳")).toBeVisible();
      await expect(page.getByRole("link", { name: "我想加入文化传播岗" })).toBeVisible();
      await expectNoPhones(page);
      if (width === 360) await expectNoOverflow(page);
      await expectAccessible(page);
    });
  }

  test("a verified resident asks to join the culture post from /posts, on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, DEMO.resident);
    await page.goto("/posts");
    await page.getByRole("link", { name: "我想加入文化传播岗" }).click();
    await expect(page).toHaveURL(/\/posts\/culture\/join$/);
    await expect(page.getByRole("heading", { level: 1, name: "申请加入文化传播岗" })).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);
    // Without an answer to "are you a party member?", the form says so and keeps the choice made.
    await page.getByRole("radio", { name: /^书画院/ }).check();
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByText("请选一项。")).toBeVisible();
    await expect(page.getByRole("radio", { name: /^书画院/ })).toBeChecked();
    await page.getByRole("radio", { name: /^不是，我是居民/ }).check();
    await page.getByRole("checkbox", { name: /可以在“红色岗位”页面上写出我的名字/ }).check();
    await page.getByLabel(/想对社区说的话/).fill("我会写毛笔字。");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/posts\/culture\/join\?sent=1$/);
    await expect(page.getByText("申请已经提交，谢谢您！")).toBeVisible();
    await expect(page.getByText("小组：书画院")).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);

    // The organiser finds it waiting, with what she said.
    const organiser = await page
      .context()
      .browser()!
      .newContext({ locale: "zh-CN", baseURL: new URL(page.url()).origin });
    const op = await organiser.newPage();
    await signInAt(op, DEMO.organiser, "/dashboard/posts");
    await op.getByRole("link", { name: "文化传播岗", exact: true }).click();
    const waiting = op
      .getByRole("list", { name: "等待处理的入岗申请" })
      .getByRole("listitem")
      .filter({ hasText: "王秀英" });
    await expect(waiting).toContainText("书画院");
    await expect(waiting).toContainText("我会写毛笔字。");
    await organiser.close();
  });

  test("an unverified resident is told plainly how to verify first", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, DEMO.unverified);
    await page.goto("/posts/patrol/join");
    await expect(page.getByText("验证住户以后，才能申请加入岗位。")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交申请" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "去“我的”页面验证" })).toHaveAttribute("href", "/me");
    await expectAccessible(page);
  });

  test("a visitor is sent to sign in first, and back to the form after", async ({ page }) => {
    await page.goto("/posts/publicity/join");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});
