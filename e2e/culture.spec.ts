import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, newPage, screen, signIn, signInAt } from "./support";

// The culture groups: the public page gives each group's timetable ("come and join"); the tai chi
// group's leader takes today's attendance on a phone; the organiser sees it on the group's page.

const TAICHI_LEADER = "13955500119";

test.describe.serial("the culture groups", () => {
  test("the public page gives each group's weekly times", async ({ browser, baseURL }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await phone.goto("/posts");
    const taichi = phone.getByRole("list", { name: "太极拳小组的活动时间" });
    await expect(taichi.getByRole("listitem")).toHaveCount(7);
    await expect(taichi.getByRole("listitem").first()).toHaveText("周一 06:30–07:30 · 社区广场");
    await expect(phone.getByRole("list", { name: "红歌合唱团的活动时间" }).getByRole("listitem")).toHaveText([
      "周二 09:00–11:00 · 多功能厅",
      "周五 09:00–11:00 · 多功能厅",
    ]);
    await expectNoOverflow(phone);
    await expectAccessible(phone);
    await phone.context().close();
  });

  test("the tai chi leader takes today's attendance on a phone, and the organiser sees who came", async ({
    browser,
    baseURL,
  }) => {
    const phone = await newPage(browser, 360, baseURL!);
    await signIn(phone, TAICHI_LEADER);
    await phone.getByRole("link", { name: "查看我的岗位" }).click();
    const meeting = phone.getByRole("region", { name: "今天的活动 · 太极拳小组" });
    await expect(meeting.getByText("06:30–07:30，在社区广场")).toBeVisible();
    const boxes = meeting.getByRole("checkbox");
    // The leader's own box is ticked; tick everyone else who came.
    await expect(boxes.first()).toBeChecked();
    const count = await boxes.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 1; i < count; i++) await boxes.nth(i).check();
    await boxes.last().uncheck();
    await expectAccessible(phone);
    await screen(phone, "culture-attendance");
    await meeting.getByRole("button", { name: "保存点名" }).click();
    await expect(meeting.getByText(`点名已保存：来了 ${count - 1} 人。`)).toBeVisible();
    await phone.reload();
    await expect(meeting.getByText(`今天已经点过名：来了 ${count - 1} 人。`)).toBeVisible();
    await expect(boxes.last()).not.toBeChecked();
    await phone.context().close();

    const desk = await newPage(browser, 1280, baseURL!);
    await signInAt(desk, DEMO.organiser, "/dashboard");
    await desk.goto("/dashboard/posts");
    await desk.getByRole("link", { name: "文化传播岗" }).first().click();
    await desk.getByRole("link", { name: "太极拳小组的时间表和点名" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "太极拳小组" })).toBeVisible();
    const held = desk.getByRole("region", { name: "每次活动来了几人" }).locator("tbody tr").first();
    await expect(held).toContainText(`${count - 1} / ${count} 人`);
    await expectAccessible(desk);
    await screen(desk, "culture-group");
    await desk.context().close();
  });
});
