import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, expectNoOverflow, screen, signIn } from "./support";

// People without a phone: an organiser at the service desk puts an elderly neighbour on her
// household's list and registers her for tai chi, and the organisers' list says it was done at
// the desk; a resident adds her own relative on her page and registers him by picking his name.

const FESTIVAL = "meihu-15";
const TAI_CHI = "太极拳表演";

/** The athlete form's answers after who takes part: the tai chi event, an elder's age group, a contact. */
async function fillTaiChi(page: Page) {
  await page.getByRole("radio", { name: new RegExp(TAI_CHI) }).check();
  await page.getByRole("radio", { name: "老年（60 岁以上）" }).check();
  await page.getByLabel("联系人姓名").fill("王建国");
  await page.getByLabel("联系人手机号").fill("13900000000");
  await page.getByRole("checkbox", { name: "我的身体状况适合参加这项比赛" }).check();
  await page.getByRole("button", { name: "提交报名" }).click();
  await expect(page.getByText("报名成功！")).toBeVisible();
}

/** A phone at 360 px with the root font at 200 %. */
async function largeTextPhone(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () =>
      document.documentElement.style.setProperty("font-size", "200%"),
    ),
  );
  return context.newPage();
}

test.describe("household members without a phone", () => {
  test("at the desk: added to a household with no account, registered for tai chi, listed as done at the desk", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, DEMO.organiser, undefined, /\/dashboard$/);
    // A household nobody has an account in.
    await page.goto(`/dashboard/households?q=${encodeURIComponent("美湖花园 1栋 2单元 301")}`);
    const householdId = await page.locator('input[name="householdId"]').first().inputValue();

    await page.goto(`/dashboard/desk/households/${householdId}/members`);
    await expect(page.getByRole("heading", { level: 1, name: "家庭成员" })).toBeVisible();
    await expect(page.getByText("名单上还没有成员。")).toBeVisible();
    // A year in the future is refused beside its box; nothing is added.
    const add = page.getByRole("region", { name: "添加成员" });
    await add.getByLabel("姓名").fill("孙秀兰");
    await add.getByLabel("出生年份").fill("2050");
    await add.getByLabel("与户主的关系").selectOption({ label: "户主本人" });
    await add.getByRole("button", { name: "添加" }).click();
    await expect(add.getByText("出生年份不能晚于今年。")).toBeVisible();
    await add.getByLabel("出生年份").fill("1941");
    await add.getByRole("button", { name: "添加" }).click();
    await expect(add.getByText("已添加。")).toBeVisible();
    await expect(page.getByText("1941 年生 · ", { exact: false })).toBeVisible();
    await expectAccessible(page);
    await screen(page, "desk-household-members");

    await page.getByRole("link", { name: "为 孙秀兰 报名邻里节" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "服务台代报名" })).toBeVisible();
    await screen(page, "desk-register-roles");
    await page.getByRole("link", { name: /运动健儿/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "服务台代报名：运动健儿" })).toBeVisible();
    // From a member's card the member is the one taking part: no "who" question.
    await expect(page.getByRole("group", { name: "谁来参加？" })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "desk-register-athlete");
    await fillTaiChi(page);

    // On the organisers' list, marked as registered at the desk, with her household's address.
    await page.goto(`/dashboard/festivals/${FESTIVAL}/registrations?q=${encodeURIComponent("孙秀兰")}&role=athlete`);
    const row = page.getByRole("row").filter({ hasText: "孙秀兰" });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("在服务台，由 张丽 办理")).toBeVisible();
    await expect(row.getByText(TAI_CHI)).toBeVisible();
    await expect(row.getByText("无账号（家庭成员）")).toBeVisible();
    await screen(page, "desk-review-at-desk");

    // The paper sheet for the event, from the registrations page.
    await page.getByRole("region", { name: "纸质报名表" }).getByRole("link", { name: TAI_CHI, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/festivals/${FESTIVAL}/print/sign-up/athlete\\?item=`));
    await expect(page.getByRole("heading", { level: 1, name: `${TAI_CHI}报名表` })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "紧急联系人及电话" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "12", exact: true })).toBeVisible();
    await expect(page.getByText(/社区党群服务中心服务台/)).toBeVisible();
    await expectAccessible(page);
    await screen(page, "desk-sign-up-sheet");
  });

  test("on /me: the demo resident adds a relative and registers him by picking his name", async ({
    browser,
    baseURL,
  }) => {
    const page = await largeTextPhone(browser, baseURL!);
    await signIn(page, DEMO.resident);
    const members = page.getByRole("region", { name: "没有账号的家庭成员" });
    await expect(members.getByText("李桂兰", { exact: true })).toBeVisible();
    const add = members.getByRole("region", { name: "添加成员" });
    await add.getByLabel("姓名").fill("李桂兰");
    await add.getByLabel("出生年份").fill("1943");
    await add.getByLabel("与户主的关系").selectOption({ label: "父母" });
    await add.getByRole("button", { name: "添加" }).click();
    await expect(add.getByText("本户名单上已经有同名的人。")).toBeVisible();
    await add.getByLabel("姓名").fill("王德明");
    await add.getByLabel("出生年份").fill("1946");
    await add.getByRole("button", { name: "添加" }).click();
    await expect(add.getByText("已添加。")).toBeVisible();
    await expect(members.getByText("王德明", { exact: true })).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);
    await members.scrollIntoViewIfNeeded();
    await screen(page, "me-members-200");

    await page.goto(`/festivals/${FESTIVAL}/register/athlete`);
    await page.getByRole("radio", { name: /家里没有手机的人/ }).check();
    await page.getByRole("radio", { name: /王德明/ }).check();
    await expectNoOverflow(page);
    await expectAccessible(page);
    await screen(page, "register-member-picker-200");
    await fillTaiChi(page);
    await page.goto("/me");
    await expect(
      page.getByRole("region", { name: "我的报名" }).getByText("王德明", { exact: false }).first(),
    ).toBeVisible();
    await page.context().close();
  });
});
