import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn, signInAt } from "./support";

// What a newcomer meets first, said truthfully: who may open the dashboard (and with what status),
// where staff land, the festival tabs, dates, titles, and what the wall and the slips promise.

// Every organiser page, including ones whose record does not exist: the refusal comes before
// any read, so it says nothing about what is there.
const MISSING = "00000000-0000-4000-8000-000000000000";
const DASHBOARD_PAGES = [
  "/dashboard",
  "/dashboard/festivals",
  "/dashboard/festivals/new",
  "/dashboard/festivals/meihu-15",
  "/dashboard/festivals/meihu-15/programme",
  "/dashboard/festivals/meihu-15/registrations",
  "/dashboard/festivals/meihu-15/registrations/shifts",
  "/dashboard/festivals/meihu-15/competitions",
  `/dashboard/festivals/meihu-15/competitions/${MISSING}`,
  "/dashboard/festivals/meihu-15/stars",
  "/dashboard/festivals/meihu-15/stars/nominations",
  "/dashboard/festivals/meihu-15/stars/tally",
  "/dashboard/festivals/meihu-15/stars/publish",
  "/dashboard/households",
  "/dashboard/households/import",
  "/dashboard/households/slips",
  "/dashboard/residents",
  `/dashboard/residents/${MISSING}`,
  "/dashboard/wishes",
  "/dashboard/wishes/new",
  "/dashboard/wishes/settings",
  "/dashboard/points",
  "/dashboard/audit",
  "/dashboard/messages",
  "/dashboard/messages/log",
  "/dashboard/messages/outbox",
  // The desk's members and registering on someone's behalf.
  `/dashboard/desk/households/${MISSING}/members`,
  `/dashboard/desk/people/${MISSING}/register`,
  `/dashboard/desk/people/${MISSING}/register/athlete`,
  `/dashboard/desk/members/${MISSING}/register`,
  `/dashboard/desk/members/${MISSING}/register/athlete`,
  // The desk's paper ballots.
  `/dashboard/desk/people/${MISSING}/ballot`,
  `/dashboard/desk/members/${MISSING}/ballot`,
  "/dashboard/desk",
  "/dashboard/desk/new-account",
  `/dashboard/desk/people/${MISSING}`,
  `/dashboard/desk/members/${MISSING}`,
  `/dashboard/desk/households/${MISSING}`,
  // The red posts: the posts, one post, adding and changing a member, its settings.
  "/dashboard/posts",
  `/dashboard/posts/${MISSING}`,
  `/dashboard/posts/${MISSING}/members/new`,
  `/dashboard/posts/${MISSING}/members/${MISSING}`,
  `/dashboard/posts/${MISSING}/settings`,
  "/dashboard/hours",
  `/dashboard/posts/${MISSING}/groups/${MISSING}`,
  // The patrol roster, a day of it.
  `/dashboard/posts/${MISSING}/roster`,
  `/dashboard/posts/${MISSING}/roster/2027-01-01`,
  // A post's trainings: planning one, and one with its attendance.
  `/dashboard/posts/${MISSING}/training/new`,
  `/dashboard/posts/${MISSING}/training/${MISSING}`,
  // A post's points leaderboard, and the year-end rewards.
  `/dashboard/posts/${MISSING}/points`,
  "/dashboard/posts/rewards",
];

// Personal fields of the demo community, each with an organiser's page that shows it (found by
// a search that does not spell the field, since the address is echoed in the page's data):
// another resident's phone, a wish beneficiary's phone and home, a household's code. Not one of
// them may be anywhere in what a resident is sent, the page's data included.
const PERSONAL = [
  { field: "13800000004", shownAt: "/dashboard/residents?q=刘洋" },
  { field: "13700001001", shownAt: "/dashboard/wishes?q=周桂芳" },
  { field: "美湖花园 3栋 2单元 502", shownAt: "/dashboard/wishes?q=周桂芳" },
  { field: "MEHU-3333", shownAt: "/dashboard/households/slips?building=美湖花园 1栋" },
];

test.describe("who may open the dashboard", () => {
  test("an organiser's pages do show the personal fields the next test looks for", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    for (const { field, shownAt } of PERSONAL) {
      const res = await page.goto(shownAt);
      expect(res?.status(), shownAt).toBe(200);
      expect(await res!.text(), `${field} on ${shownAt}`).toContain(field);
    }
  });

  test("a signed-in resident gets 403 and the refusal on every dashboard page, with no data", async ({ page }) => {
    await signIn(page, DEMO.resident);
    for (const path of new Set([...DASHBOARD_PAGES, ...PERSONAL.map((p) => p.shownAt)])) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      const html = await res!.text();
      for (const { field } of PERSONAL) expect(html, `${field} in ${path}`).not.toContain(field);
      await expect(page.getByRole("heading", { level: 1, name: "没有权限" })).toBeVisible();
      await expect(page).toHaveTitle(/^没有权限 · /);
      // Nothing of the dashboard reaches a resident: no navigation, no roster codes, no names.
      await expect(page.getByRole("navigation", { name: "工作台导航" })).toHaveCount(0);
      await expect(page.getByText("MEHU-2222")).toHaveCount(0);
    }
    await expectAccessible(page);
    // From the refusal, a way out: sign out and come back as someone else.
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    const again = await page.goto("/dashboard/households");
    expect(again?.status()).toBe(200);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("a visitor is sent to sign in, and lands on the dashboard after", async ({ page }) => {
    await page.goto("/dashboard/households");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=\/dashboard$/);
    await page.getByLabel("手机号").fill(DEMO.organiser);
    await page.getByLabel("密码", { exact: true }).fill("linli-demo-2026");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("staff land on the dashboard after signing in, and can sign out from its pages", async ({ page }) => {
    await signIn(page, DEMO.organiser, undefined, /\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
    await expect(page.getByText("已登录：张丽")).toBeVisible();
    await page.goto("/dashboard/festivals/meihu-15/programme");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
    // A callbackUrl still wins over the landing page.
    await signInAt(page, DEMO.admin, "/dashboard/audit");
    // Residents still land on their own page.
    const resident = await page
      .context()
      .browser()!
      .newContext({ locale: "zh-CN", baseURL: new URL(page.url()).origin });
    const rp = await resident.newPage();
    await signIn(rp, DEMO.resident);
    await resident.close();
  });
});

test.describe("a festival's pages in the dashboard", () => {
  test("every one has the same six tabs, the current one marked", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    const pages: [string, string][] = [
      ["", "本届设置"],
      ["/programme", "编排节目单"],
      ["/registrations", "报名审核"],
      ["/registrations/shifts", "幕后班次"],
      ["/stars", "邻里之星"],
      ["/stars/nominations", "邻里之星"],
      ["/stars/tally", "邻里之星"],
      ["/competitions", "比赛"],
    ];
    for (const [path, current] of pages) {
      await page.goto(`/dashboard/festivals/meihu-15${path}`);
      const tabs = page.getByRole("navigation", { name: "本届的工作" }).getByRole("link");
      await expect(tabs, path).toHaveText(["本届设置", "编排节目单", "报名审核", "幕后班次", "邻里之星", "比赛"]);
      await expect(
        page.getByRole("navigation", { name: "本届的工作" }).locator('[aria-current="page"]'),
        path,
      ).toHaveText(current);
    }
  });
});

test.describe("a one-day festival", () => {
  test("reads as one date, not 'the 20th to the 20th', on its page and in the list", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard/festivals/new");
    await page.getByLabel("网址名").fill("meihu-day");
    await page.getByLabel("名称", { exact: true }).fill("美湖一日邻里节");
    await page.getByLabel("届次").fill("30");
    await page.getByLabel("第一天").fill("2027-03-20");
    await page.getByLabel("最后一天").fill("2027-03-20");
    await page.getByRole("button", { name: "建立" }).click();
    await expect(page).toHaveURL(/\/dashboard\/festivals\/meihu-day$/);
    await page.getByRole("button", { name: "发布本届（居民可见）" }).click();
    await expect(page.getByText("现在：已发布")).toBeVisible();
    await page.goto("/dashboard/festivals");
    await expect(page.getByRole("row").filter({ hasText: "美湖一日邻里节" }).getByRole("cell").nth(2)).toHaveText(
      "2027-03-20",
    );
    await page.goto("/festivals/meihu-day");
    const header = page
      .locator("header")
      .filter({ has: page.getByRole("heading", { level: 1, name: "美湖一日邻里节" }) });
    await expect(header.getByText(/3月20日/)).toHaveCount(1);
    await expect(header).not.toContainText("至");
  });
});

test.describe("my page", () => {
  test("lists the nominations I made, with where each stands", async ({ page }) => {
    await signIn(page, DEMO.volunteer);
    const stars = page.getByRole("region", { name: "邻里之星" });
    await expect(stars.getByRole("heading", { name: "我提名的" })).toBeVisible();
    const mine = stars.getByRole("listitem");
    await expect(mine.filter({ hasText: "王秀英" }).getByText("热心公益之星")).toBeVisible();
    await expect(mine.filter({ hasText: "孙海涛" }).getByText("等待审核")).toBeVisible();
    await expect(mine.filter({ hasText: "周建华" })).toHaveCount(1);
    await expectAccessible(page);
  });
});

test.describe("what the pages promise", () => {
  test("the wish wall shows an age band, never an exact age, and no price for help or company", async ({ page }) => {
    await page.goto("/wishes");
    const cards = page.locator("article");
    await expect(cards.first()).toBeVisible();
    for (const line of await cards.locator("p.text-gold-ink").allTextContents()) {
      // "吴爷爷 · 70多岁" on the wall (the gallery names the alias alone): no number in the alias.
      const [alias, band] = line.split(" · ");
      expect(alias, line).not.toMatch(/\d/);
      if (band !== undefined) expect(band, line).toMatch(/岁/);
    }
    const company = cards.filter({ has: page.getByRole("heading", { name: "每周推我去公园晒太阳" }) });
    await expect(company).toHaveCount(1);
    await expect(company).not.toContainText("¥");
    await expect(cards.filter({ has: page.getByRole("heading", { name: "一台能听戏的收音机" }) })).toContainText(
      "约 ¥80",
    );
  });

  test("the slips page offers every building, and all of them at once", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard/households/slips");
    const buildings = page.getByRole("navigation", { name: "楼栋" }).getByRole("link");
    // The demo's fourteen buildings (an import in another journey may add more), then all of them.
    await expect(buildings.filter({ hasText: /^(美湖花园|湖畔雅苑) \d栋（24 户）$/ })).toHaveCount(14);
    await expect(buildings.last()).toHaveText(/^全部楼栋（\d+ 户）$/);
    await buildings.filter({ hasText: "美湖花园 8栋" }).click();
    await expect(page).toHaveURL(/building=/);
    await expect(page.getByText("24 张纸条")).toBeVisible();
    await expect(buildings.filter({ hasText: "美湖花园 8栋" })).toHaveAttribute("aria-current", "page");
  });
});

test.describe("page titles", () => {
  test("a missing page says so in its title and answers 404; an item's page names the item", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    await expect(page).toHaveTitle(/^页面不存在 · /);
    await expectAccessible(page);
    await page.goto("/festivals/meihu-15");
    await page.getByRole("link", { name: "开幕式", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "开幕式" })).toBeVisible();
    await expect(page).toHaveTitle(/^开幕式 · 第十五届美湖邻里节/);
  });
});
