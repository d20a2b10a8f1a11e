import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, failOnCspViolations, screen, signInAt } from "./support";

failOnCspViolations();

// A paper ballot at the service desk. The journey runs on the 16th festival, which builder.spec.ts
// (earlier in the run) starts and publishes, with no candidates of its own: the 15th's
// nominations stay open for stars-dashboard.spec.ts and stars.spec.ts, which run later and count
// its ballots. The organiser opens nominations on the 16th, adds a category, nominates two
// neighbours and approves them, then opens its vote (for a day; it stays open). 王秀英 has the
// stars page open on her phone while the desk types in her paper ballot; her online ballot is
// then refused as already cast.

const FESTIVAL = "/dashboard/festivals/meihu-16";
const STARS = "/festivals/meihu-16/stars";
const CATEGORY = "银龄风采之星";

/** "2026-11-27T09:05" in Hefei (UTC+8), `minutes` from now, on the form's 5-minute grid. */
const hefeiLocal = (minutes: number) => {
  const at = Date.now() + minutes * 60_000;
  return new Date(Math.floor(at / 300_000) * 300_000 + 8 * 3600_000).toISOString().slice(0, 16);
};

async function setWindows(page: Page, nomination: [number, number], voting: [number, number]) {
  await page.goto(FESTIVAL);
  await page.getByLabel("提名开始").fill(hefeiLocal(nomination[0]));
  await page.getByLabel("提名截止").fill(hefeiLocal(nomination[1]));
  await page.getByLabel("投票开始").fill(hefeiLocal(voting[0]));
  await page.getByLabel("投票截止").fill(hefeiLocal(voting[1]));
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(FESTIVAL)),
    page.getByRole("button", { name: "保存设置" }).click(),
  ]);
  await page.reload();
  await expect(page.getByLabel("投票开始")).toHaveValue(hefeiLocal(voting[0]));
}

async function nominate(page: Page, name: string) {
  const form = page.getByRole("region", { name: "提名一位好邻居" });
  const another = form.getByRole("button", { name: "再提名一位" });
  if (await another.isVisible()) await another.click();
  await form.getByRole("radio", { name: new RegExp(CATEGORY) }).check();
  await form.getByLabel("姓名", { exact: true }).fill(name);
  await form.getByLabel("楼栋").fill("美湖花园 5栋");
  await form.getByLabel("推荐理由").fill(`${name}退休后每天义务为楼里的老人量血压，风雨无阻。`);
  await form.getByRole("button", { name: "提交提名" }).click();
  await expect(form.getByText("谢谢您的提名！社区审核后会通知您。")).toBeVisible();
}

test("a paper ballot typed in at the desk; the same resident's online ballot is then refused; the printed ballot", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAt(page, DEMO.organiser, "/dashboard");

  // Nominations open on the 16th, with one category of two votes, and two approved candidates.
  await setWindows(page, [-1440, 1440], [2 * 1440, 3 * 1440]);
  await page.goto(`${FESTIVAL}/stars`);
  const add = page.getByRole("form", { name: "新增类别" });
  await add.getByLabel("类别名称").fill(CATEGORY);
  await add.getByLabel("评出几位").fill("1");
  await add.getByLabel("每人投几票").fill("2");
  await add.getByRole("button", { name: "新增类别" }).click();
  await expect(add.getByText(`已新增类别：${CATEGORY}。`)).toBeVisible();
  await page.goto(STARS);
  await nominate(page, "周文华");
  await nominate(page, "丁淑芬");
  await page.goto(`${FESTIVAL}/stars/nominations?status=pending`);
  for (const name of ["周文华", "丁淑芬"])
    await page
      .getByRole("region", { name: "提名列表" })
      .getByRole("checkbox", { name: new RegExp(`^勾选 ${name}（`) })
      .check();
  await page.getByRole("button", { name: "通过", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已处理 2 条提名。" })).toBeVisible();
  await setWindows(page, [-3 * 1440, -2 * 1440], [-1440, 1440]);

  // The printed paper ballot, linked from the stars dashboard: candidates by strokes (丁 before 周).
  await page.goto(`${FESTIVAL}/stars`);
  await page.getByRole("link", { name: `纸质选票：${CATEGORY}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "邻里之星 纸质选票" })).toBeVisible();
  await expect(page.getByText("请在候选人前面的方框里打“✓”，最多选 2 位。")).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveText([/^1\.丁淑芬/, /^2\.周文华/]);
  await expect(page.getByText(/交到社区党群服务中心的服务台/)).toBeVisible();
  await expectAccessible(page);
  await screen(page, "paper-ballot-print");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await screen(page, "paper-ballot-print-paper");
  await page.emulateMedia({ media: "screen" });

  // 王秀英 has the stars page open on her phone, the ballot before her.
  const phone = await (
    await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 800 } })
  ).newPage();
  await signInAt(phone, DEMO.resident, STARS);
  const online = phone.getByRole("region", { name: CATEGORY, exact: true });
  await expect(online.getByRole("checkbox", { name: "投给 周文华" })).toBeVisible();

  // Meanwhile she hands her paper ballot in at the desk: the organiser finds her and types it in.
  await page.goto(`/dashboard/residents?q=${encodeURIComponent("王秀英")}`);
  const href = await page
    .getByRole("link", { name: /王秀英/ })
    .first()
    .getAttribute("href");
  const userId = href!.match(/[0-9a-f-]{36}/)![0];
  await page.goto(`/dashboard/desk/people/${userId}/ballot`);
  await expect(page.getByRole("heading", { level: 1, name: "王秀英 的纸质选票" })).toBeVisible();
  await expect(page.getByRole("link", { name: "← 回到 王秀英 的服务卡" })).toHaveAttribute(
    "href",
    `/dashboard/desk/people/${userId}`,
  );
  const desk = page.getByRole("region", { name: CATEGORY, exact: true });
  await expect(desk.getByRole("checkbox")).toHaveCount(2);
  await expect(desk.locator("label")).toHaveText([/^1\.丁淑芬/, /^2\.周文华/]);
  await desk.getByRole("checkbox", { name: /周文华/ }).check();
  await expectAccessible(page);
  await screen(page, "paper-ballot-desk");
  await desk.getByRole("button", { name: "录入这张选票" }).click();
  await expect(desk.getByRole("status")).toHaveText("已录入 王秀英 的纸质选票。");
  const receipt = (await desk.locator("strong.font-mono").textContent())!.trim();
  expect(receipt).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
  await expect(desk.getByRole("button", { name: "打印回执" })).toBeVisible();
  // The slip names neither candidate.
  await expect(desk.getByText(/周文华|丁淑芬/)).toHaveCount(0);
  await expectAccessible(page);
  await screen(page, "paper-ballot-receipt");
  await page.reload();
  await expect(desk.getByText("已经在服务台投过票了。为了保密，这里不显示投给了谁。")).toBeVisible();
  await expect(page.getByText(receipt)).toHaveCount(0);

  // Her phone's ballot, cast after the paper one, is refused: one ballot per person.
  await online.getByRole("checkbox", { name: "投给 丁淑芬" }).check();
  await online.getByRole("button", { name: "下一步：确认选票" }).click();
  await online.getByRole("button", { name: "确认投票" }).click();
  await expect(online.getByText("您在这个类别已经投过票了，每人（或每户）只能投一次。")).toBeVisible();
  await phone.reload();
  await expect(online.getByText("您已投票")).toBeVisible();
  await expect(online.getByRole("checkbox")).toHaveCount(0);
  await phone.context().close();

  // The tally counts it, and says it came from the desk, not whose it is; the audit log names
  // who recorded it, never the choice.
  await page.goto(`${FESTIVAL}/stars/tally`);
  const tally = page.getByRole("region", { name: CATEGORY, exact: true });
  await expect(tally.getByText(/^选票 1 张/)).toBeVisible();
  await expect(tally.getByText("其中在服务台录入的纸质选票 1 张")).toBeVisible();
  const audit = await page.goto("/dashboard/audit?action=stars.paper_ballot");
  const html = await audit!.text();
  for (const secret of [receipt, "周文华", "丁淑芬"]) expect(html.includes(secret), secret).toBe(false);
});
