import { expect, test } from "@playwright/test";
import { DEMO, signInAt } from "./support";

// Steps that stay on the page they are on — a confirmation, a tab, a filter — must answer every
// tap, however soon after the page arrived, and every time. Each tap here has a few seconds to
// show its result, far less than the suite's 15, so a step that does nothing shows as a failure.
const SOON = { timeout: 5_000 };

test("a volunteer opens and closes the 'let it go' confirmation many times in a row, at once after each page arrives", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAt(page, DEMO.volunteer, "/wishes");
  const open = page
    .getByRole("article")
    .filter({ has: page.getByText("等待认领", { exact: true }) })
    .first();
  const title = (await open.getByRole("heading", { level: 3 }).textContent())!;
  await open.getByRole("link", { name: /^查看心愿：/ }).click();
  await page.getByRole("button", { name: "认领这个心愿" }).click();
  await expect(page).toHaveURL(/\/me\/wishes\?claimed=/);
  const claim = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
  const confirmTitle = claim.getByRole("heading", { name: "确定要放弃这个心愿吗？" });

  for (let round = 0; round < 10; round++) {
    // Half the rounds arrive by a full page load, half straight from the previous tap.
    if (round % 2 === 0) await page.goto("/me/wishes");
    await claim.getByRole("link", { name: "放弃认领" }).click();
    await expect(confirmTitle, `round ${round}: the confirmation opens`).toBeVisible(SOON);
    await claim.getByRole("link", { name: "不，继续认领" }).click();
    await expect(confirmTitle, `round ${round}: the confirmation closes`).toHaveCount(0, SOON);
    await expect(claim.getByRole("link", { name: "放弃认领" })).toBeVisible(SOON);
  }

  // The wish goes back to the wall, so the other journeys find it as the demo has it.
  await claim.getByRole("link", { name: "放弃认领" }).click();
  await claim.getByRole("button", { name: "是的，放弃" }).click();
  await expect(page.getByText("已放弃认领，心愿回到了心愿墙。")).toBeVisible();
});

test("an organiser goes round the wish list's status tabs twice, each tap showing its tab", async ({ page }) => {
  await signInAt(page, DEMO.organiser, "/dashboard/wishes");
  const tabs = page.getByRole("navigation", { name: "按状态查看" });
  const order = [
    ["待审核", "pending"],
    ["在心愿墙上", "open"],
    ["已完成", "done"],
  ] as const;
  for (let lap = 0; lap < 2; lap++) {
    for (const [label, status] of order) {
      const tab = tabs.getByRole("link", { name: new RegExp(`^${label}：\\d+$`) });
      await tab.click();
      await expect(page, `lap ${lap}: ${label}`).toHaveURL(new RegExp(`[?&]status=${status}(&|$)`), SOON);
      await expect(tab, `lap ${lap}: ${label} is the current tab`).toHaveAttribute("aria-current", "page", SOON);
    }
    const all = tabs.getByRole("link", { name: /^全部：\d+$/ });
    await all.click();
    await expect(all).toHaveAttribute("aria-current", "page", SOON);
  }
});
