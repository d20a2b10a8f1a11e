import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, failOnCspViolations, screen, signIn, signInAt, signUpFresh } from "./support";

// The pages work under the site's Content-Security-Policy: nothing they need is refused.
failOnCspViolations();

// A new resident registers in every role on a phone. The demo's table tennis has one place left
// and skipping and relay is full with one resident waiting.
const FESTIVAL = "/festivals/meihu-15/register";
const PASSWORD = "spring rain on the lake";
let phone = "";

const myRegistrations = (page: Page) => page.getByRole("region", { name: "我的报名" });

test.describe.serial("registering by role", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the home page leads to the four roles, each with a picture and a plain sentence", async ({ page }) => {
    phone = await signUpFresh(page, "赵春华", PASSWORD);
    // The festival takes registrations from verified households: the slip's code on /me.
    await page.getByLabel("填写住户码").fill("MEHU-3333");
    await page.getByRole("button", { name: "验证住户" }).click();
    await expect(page.getByText("住户验证成功。")).toBeVisible();
    await page.goto("/");
    await page.getByRole("link", { name: /台前演员/ }).click();
    await expect(page).toHaveURL(/\/festivals\/meihu-15\/register\/performer$/);
    await page.goto(FESTIVAL);
    for (const role of ["台前演员", "幕后先锋", "运动健儿", "棋牌高手"])
      await expect(page.getByRole("link", { name: new RegExp(role) })).toBeVisible();
    await expect(page.getByText(/报名开放中/)).toBeVisible();
    await expectAccessible(page);
    await screen(page, "register-roles");
  });

  test("a performer with a co-performer: mistakes are explained first, then the act is registered", async ({
    page,
  }) => {
    await signIn(page, phone, PASSWORD);
    await page.goto(`${FESTIVAL}/performer`);
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("这一项必须填写。").first()).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("节目名称").fill("茉莉花");
    await page.getByRole("radio", { name: "合唱 / 独唱" }).check();
    await page.getByRole("radio", { name: "多人" }).check();
    await page.getByLabel("所有表演者的名字").fill("赵春华\n刘洋");
    await page.getByRole("button", { name: "+ 添加一位同伴" }).click();
    await page.getByLabel("同伴 1 的手机号").fill("13900009999");
    await page.getByLabel("节目时长（分钟）").fill("6");
    await page.getByRole("checkbox", { name: "话筒" }).check();
    await page.getByRole("radio", { name: "下午" }).check();
    await page.getByRole("button", { name: "提交报名" }).click();
    // Nobody has that number: said beside the field, nothing registered.
    await expect(page.getByText(/这个手机号还没有注册账号/)).toBeVisible();
    await page.getByLabel("同伴 1 的手机号").fill(DEMO.volunteer);
    await screen(page, "register-performer");
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("报名成功！")).toBeVisible();
    await expectAccessible(page);
  });

  test("an athlete takes the last place in one event and joins the waiting list of a full one", async ({ page }) => {
    await signIn(page, phone, PASSWORD);
    await page.goto(`${FESTIVAL}/athlete`);
    const pingPong = page.getByRole("radio", { name: /乒乓球比赛/ });
    await expect(page.locator("label").filter({ has: pingPong }).getByText("还剩 1 个名额")).toBeVisible();
    await pingPong.check();
    await page.getByRole("radio", { name: /老年/ }).check();
    await page.getByLabel("联系人姓名").fill("赵明");
    await page.getByLabel("联系人手机号").fill("13912345678");
    await page.getByRole("checkbox", { name: /身体状况适合/ }).check();
    await screen(page, "register-athlete");
    await expectAccessible(page);
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("报名成功！")).toBeVisible();

    await page.getByRole("link", { name: "再报一项" }).click();
    await page.getByRole("link", { name: /运动健儿/ }).click();
    await expect(
      page
        .locator("label")
        .filter({ has: page.getByRole("radio", { name: /乒乓球比赛/ }) })
        .getByText("已报名"),
    ).toBeVisible();
    await page.getByRole("radio", { name: /跳绳和接力赛/ }).check();
    await expect(page.getByText(/现在报名会排进候补名单/)).toBeVisible();
    await page.getByRole("radio", { name: /成年/ }).check();
    await page.getByLabel("联系人姓名").fill("赵明");
    await page.getByLabel("联系人手机号").fill("13912345678");
    await page.getByRole("checkbox", { name: /身体状况适合/ }).check();
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("您在候补名单第 2 位")).toBeVisible();
    await screen(page, "register-waitlisted");

    await page.getByRole("link", { name: "去“我的”页面看报名" }).click();
    await expect(
      myRegistrations(page).getByRole("listitem").filter({ hasText: "跳绳和接力赛" }).getByText("候补第 2 位"),
    ).toBeVisible();
    await expect(
      myRegistrations(page).getByRole("listitem").filter({ hasText: "乒乓球比赛" }).getByText("已报上"),
    ).toBeVisible();
  });

  test("a pending registration can be changed from my page", async ({ page }) => {
    await signIn(page, phone, PASSWORD);
    await myRegistrations(page)
      .getByRole("listitem")
      .filter({ hasText: "乒乓球比赛" })
      .getByRole("link", { name: "修改" })
      .click();
    await expect(page.getByRole("heading", { name: "修改报名：运动健儿" })).toBeVisible();
    await expect(page.getByLabel("联系人姓名")).toHaveValue("赵明");
    await page.getByLabel("联系人姓名").fill("赵小明");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("修改已保存。")).toBeVisible();
  });

  test("a backstage pioneer and a card player asking for a partner", async ({ page }) => {
    await signIn(page, phone, PASSWORD);
    await page.goto(`${FESTIVAL}/backstage`);
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("请至少选一项。").first()).toBeVisible();
    await page.getByRole("checkbox", { name: "音响" }).check();
    await page.getByRole("checkbox", { name: "现场引导" }).check();
    await page.getByRole("checkbox", { name: /上午/ }).first().check();
    await screen(page, "register-backstage");
    await expectAccessible(page);
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("报名成功！")).toBeVisible();

    await page.goto(`${FESTIVAL}/player`);
    await page.getByRole("radio", { name: /掼蛋比赛/ }).check();
    await page.getByRole("radio", { name: "一般" }).check();
    await page.getByRole("radio", { name: /帮我找一位搭档/ }).check();
    await screen(page, "register-player");
    await expectAccessible(page);
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("报名成功！")).toBeVisible();
  });

  test("the co-performer sees the invitation and declines; the performer is told", async ({ page }) => {
    await signIn(page, DEMO.volunteer);
    const invitations = page.getByRole("region", { name: "邀请我的" });
    await expect(invitations.getByText(/赵春华 邀请您一起表演《茉莉花》/)).toBeVisible();
    await expectAccessible(page);
    page.once("dialog", (d) => d.accept());
    await invitations.getByRole("button", { name: "谢绝" }).click();
    await expect(invitations.getByText("已谢绝", { exact: true })).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, phone, PASSWORD);
    await expect(page.getByText(/谢绝了您在/)).toBeVisible();
    await screen(page, "me-after-registering");
  });

  test("an organiser rejects a confirmed athlete: the head of the waiting list gets the place and is told", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/festivals/meihu-15/registrations");
    await page.getByLabel("项目", { exact: true }).selectOption({ label: "跳绳和接力赛" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const rows = page.getByRole("region", { name: "报名列表" }).getByRole("row");
    await expect(rows.filter({ hasText: "候补第 1 位" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "候补第 2 位" }).filter({ hasText: "赵春华" })).toHaveCount(1);
    await rows.filter({ hasText: "待审核" }).first().getByRole("checkbox").check();
    await page.getByLabel("不通过的原因").fill("年龄不符合这项比赛的要求。");
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 人候补转正。" })).toBeVisible();
    await expect(rows.filter({ hasText: "候补第 1 位" }).filter({ hasText: "赵春华" })).toHaveCount(1);

    // The promoted resident (one of the demo's residents, with the demo password).
    await page.context().clearCookies();
    await signIn(page, "13955500189");
    await expect(page.getByRole("link", { name: /1 条未读消息/ })).toBeVisible();
    await expect(page.getByText("好消息：候补转正了，你已报上 跳绳和接力赛。")).toBeVisible();
    await expect(
      myRegistrations(page).getByRole("listitem").filter({ hasText: "跳绳和接力赛" }).getByText("已报上"),
    ).toBeVisible();
    await expectAccessible(page);
    await screen(page, "me-promoted-athlete");
  });

  test("in English the forms read the same", async ({ page }) => {
    await signIn(page, phone, PASSWORD);
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
    await page.goto(`${FESTIVAL}/performer`);
    await expect(page.getByRole("heading", { name: "Register: Performer" })).toBeVisible();
    await expect(page.getByText("At most 10 minutes.")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "register-performer-en");
  });
});
