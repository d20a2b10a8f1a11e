import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, screen, signIn } from "./support";

// The demo's chess competition has 2 places: 王秀英 and 刘洋 hold them, 陈志强 waits.
test.describe.serial("my registrations and the waiting list", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("a waiting resident sees their place on the list", async ({ page }) => {
    await signIn(page, DEMO.unverified);
    const chess = page.getByRole("region", { name: "我的报名" }).getByRole("listitem").filter({ hasText: "象棋比赛" });
    await expect(chess.getByText("候补中")).toBeVisible();
    await expect(chess.getByText("候补第 1 位")).toBeVisible();
    await expectAccessible(page);
  });

  test("a resident cancels; the place goes to the head of the list at once", async ({ page }) => {
    await signIn(page, DEMO.resident);
    const chess = page.getByRole("region", { name: "我的报名" }).getByRole("listitem").filter({ hasText: "象棋比赛" });
    await expect(chess.getByText("已报上")).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "我的报名" })
        .getByRole("listitem")
        .filter({ hasText: "拔河比赛" })
        .getByText("工作人员已确认"),
    ).toBeVisible();
    await expectAccessible(page);
    await screen(page, "me-registrations");
    page.once("dialog", (d) => d.accept());
    await chess.getByRole("button", { name: "取消报名" }).click();
    await expect(
      page
        .getByRole("region", { name: "我的报名" })
        .getByRole("listitem")
        .filter({ hasText: "象棋比赛" })
        .getByText("已取消", { exact: true }),
    ).toBeVisible();
  });

  test("the promoted resident is told: an unread count in the header and the message on their page", async ({
    page,
  }) => {
    await signIn(page, DEMO.unverified);
    await expect(page.getByRole("link", { name: /1 条未读消息/ })).toBeVisible();
    await expect(page.getByText("好消息：候补转正了，你已报上 象棋比赛。")).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "我的报名" })
        .getByRole("listitem")
        .filter({ hasText: "象棋比赛" })
        .getByText("已报上"),
    ).toBeVisible();
    await expectAccessible(page);
    await screen(page, "me-promoted");
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await expect(page.getByRole("button", { name: "全部标为已读" })).toBeHidden();
    await page.reload();
    await expect(page.getByRole("link", { name: /我的 · 陈志强/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /未读消息/ })).toHaveCount(0);
  });
});
