import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screen, signIn, signInAt, signUpFresh } from "./support";

// Micro-wishes on the residents' and volunteers' side. The demo has wishes in every state
// (demo/seed-wishes.ts): five open, two claimed (one by the demo volunteer, who may hold three), one
// fulfilled, three done with thank-you notes. Specs share one database: the volunteer lets go of
// the wish they claim here, and the resident who asks for a wish is a fresh account.

/** Every demo beneficiary's real name: none may appear on a page a visitor gets. */
const BENEFICIARIES = [
  "周桂芳",
  "吴建平",
  "林小雨",
  "郑秀兰",
  "何德明",
  "孙玉珍",
  "马国强",
  "陈美玲",
  "黄淑华",
  "赵永福",
  "杨春花",
  "蒋志刚",
];
const PHONE = { width: 360, height: 800 };

const picture = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 179, g: 38, b: 30 } } })
    .png()
    .toBuffer();

async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: PHONE });
  return ctx.newPage();
}

test("a visitor's wall: the progress in words, filters that work without JavaScript, and no beneficiary's name or phone in the HTML", async ({
  browser,
  request,
}) => {
  const wall = await (await request.get("/wishes")).text();
  // Every wish on the wall, open or taken, in full too.
  const ids = [...new Set([...wall.matchAll(/href="\/wishes\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
  expect(ids.length).toBeGreaterThan(3);
  for (const path of [
    "/wishes",
    "/wishes?category=service",
    "/wishes?age=child",
    "/wishes?sort=soonest",
    ...ids.map((id) => `/wishes/${id}`),
  ]) {
    const html = await (await request.get(path)).text();
    expect(html).toContain("微心愿");
    for (const name of BENEFICIARIES) expect(html, `${path}: ${name}`).not.toContain(name);
    expect(html, path).not.toMatch(/13700001\d{3}/);
  }

  const ctx = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: PHONE,
    javaScriptEnabled: false,
  });
  const page = await ctx.newPage();
  await page.goto("/wishes");
  await expect(page.getByRole("heading", { level: 1, name: "微心愿墙" })).toBeVisible();
  const progress = page.getByRole("region", { name: "心愿进度" });
  await expect(progress.getByText(/^已圆梦：\d+$/)).toBeVisible();
  await expect(progress.getByText(/^等待认领：\d+$/)).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "圆梦时刻" })
      .getByText(/^感谢的话：/)
      .first(),
  ).toBeVisible();

  // Filters: a plain form, sent without JavaScript.
  await page.getByLabel("类别").selectOption("service");
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page).toHaveURL(/\/wishes\?category=service&age=&sort=newest$/);
  const cards = page.getByRole("region", { name: "墙上的心愿" }).getByRole("article");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card.getByText("上门帮忙", { exact: true })).toBeVisible();
  await ctx.close();

  // A visitor sees an open wish in full, and is asked to sign in: no claim button.
  const visitor = await phone(browser);
  await visitor.goto("/wishes?category=service");
  await visitor
    .getByRole("link", { name: /^查看心愿：/ })
    .first()
    .click();
  await expect(visitor.getByRole("heading", { level: 2, name: "心愿故事" })).toBeVisible();
  await expect(visitor.getByRole("button", { name: "认领这个心愿" })).toHaveCount(0);
  await expectAccessible(visitor);
  await visitor.goto("/wishes");
  await expectAccessible(visitor);
  await visitor.context().close();
});

test("on a phone, a resident asks for a wish for themselves: it waits for the community, and no one else can open it", async ({
  browser,
}) => {
  const page = await phone(browser);
  await signUpFresh(page, "吕桂兰", "plum blossom by the lake");
  await page.goto("/wishes/new");
  await expect(page.getByRole("heading", { level: 1, name: "写下我的心愿" })).toBeVisible();
  await expect(page.getByText("每个心愿不超过 200 元", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // Sent empty: every missing answer is said beside its field.
  await page.getByRole("button", { name: "提交心愿" }).click();
  await expect(page.getByText("这一项必须填写。").first()).toBeVisible();

  await page.getByLabel("心愿（一句话）").fill("一把结实的拐杖");
  await page.getByLabel("说说您的情况").fill("原来的拐杖松了，走路不稳，想换一把结实的。");
  await page.getByRole("radio", { name: /^物品/ }).check();
  await page.getByLabel("大约价值多少元").fill("80");
  await page.getByLabel("心愿墙上怎么称呼您").fill("吕奶奶");
  await page.getByLabel("您的年龄").fill("81");
  await page.getByRole("radio", { name: "独居老人" }).check();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "cane.png", mimeType: "image/png", buffer: await picture() });
  await expect(page.getByRole("img", { name: "将要上传的照片" })).toBeVisible();
  await page.getByRole("button", { name: "提交心愿" }).click();
  await expect(page.getByText(/^已提交！/)).toBeVisible();

  await page.getByRole("link", { name: "查看我的心愿" }).click();
  await expect(page).toHaveURL(/\/me\/wishes$/);
  const mine = page.getByRole("region", { name: "我为自己提交的心愿" });
  await expect(mine.getByText("一把结实的拐杖")).toBeVisible();
  await expect(mine.getByText("等待社区审核")).toBeVisible();
  await expectAccessible(page);
  await screen(page, "my-wishes");

  // Its page: the submitter sees it waiting (and can still change it); a visitor gets "not found".
  const link = mine.getByRole("link", { name: "查看：一把结实的拐杖" });
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await expect(page.getByText("这是您为自己提交的心愿。")).toBeVisible();
  // While it waits it can still be changed: the form comes back filled in, and resending keeps it waiting.
  await page.getByRole("link", { name: "修改后重新提交" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "修改我的心愿" })).toBeVisible();
  await expect(page.getByLabel("心愿（一句话）")).toHaveValue("一把结实的拐杖");
  await expect(page.getByRole("img", { name: "心愿的照片：一把结实的拐杖" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("说说您的情况").fill("原来的拐杖松了，走路不稳，想换一把带四个脚的拐杖。");
  await page.getByRole("button", { name: "重新提交" }).click();
  await expect(page.getByText(/^已提交！/)).toBeVisible();
  await page.goto(href);
  await expect(page.getByText("想换一把带四个脚的拐杖")).toBeVisible();
  const stranger = await phone(browser);
  const res = await stranger.goto(href);
  expect(res?.status()).toBe(404);
  await stranger.context().close();

  // Not on the wall until the community posts it.
  await page.goto("/wishes");
  await expect(page.getByText("一把结实的拐杖")).toHaveCount(0);
  await page.context().close();
});

test("a resident who is not a volunteer learns how to become one, and has no claim button", async ({ browser }) => {
  const page = await phone(browser);
  await signIn(page, DEMO.resident);
  await page.goto("/wishes?category=goods");
  await page
    .getByRole("link", { name: /^查看心愿：/ })
    .first()
    .click();
  await expect(page.getByText(/认领心愿需要志愿者身份/)).toBeVisible();
  await expect(page.getByRole("button", { name: "认领这个心愿" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("on a phone, the volunteer filters the wall, claims a wish, sees how to reach the person, and lets it go again", async ({
  browser,
}) => {
  const page = await phone(browser);
  await signInAt(page, DEMO.volunteer, "/me");
  await expect(page.getByRole("link", { name: "打开我的心愿" })).toBeVisible();

  await page.goto("/wishes");
  await page.getByLabel("类别").selectOption("service");
  await page.getByLabel("年龄段").selectOption("seventies");
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page).toHaveURL(/category=service&age=seventies/);
  await expectAccessible(page);
  // Open wishes come first; a taken one says so, never by whom.
  const open = page
    .getByRole("article")
    .filter({ has: page.getByText("等待认领", { exact: true }) })
    .first();
  const title = (await open.getByRole("heading", { level: 3 }).textContent())!;
  await open.getByRole("link", { name: /^查看心愿：/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/最多可以同时认领 \d+ 个/)).toBeVisible();
  await expectAccessible(page);
  await screen(page, "wish-volunteer");
  const wishUrl = page.url();

  await page.getByRole("button", { name: "认领这个心愿" }).click();
  await expect(page).toHaveURL(/\/me\/wishes\?claimed=/);
  await expect(page.getByText("认领成功！", { exact: false })).toBeVisible();
  const claim = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
  await expect(claim.getByRole("heading", { level: 4, name: "受助人的联系方式" })).toBeVisible();
  await expect(claim.getByRole("link", { name: /^拨打 1\d{10}$/ })).toHaveAttribute("href", /^tel:1\d{10}$/);
  await expect(claim.getByText("只有您和社区工作人员能看到", { exact: false })).toBeVisible();
  await expect(claim.getByText(/^请在 .+ 前完成$/)).toBeVisible();
  await expectAccessible(page);

  // The wish's page now says it is mine.
  await page.goto(wishUrl);
  await expect(page.getByText("这个心愿由您认领。")).toBeVisible();

  // Letting it go takes a second step.
  await page.goto("/me/wishes");
  await claim.getByRole("link", { name: "放弃认领" }).click();
  await expect(claim.getByRole("heading", { name: "确定要放弃这个心愿吗？" })).toBeVisible();
  await expectAccessible(page);
  await claim.getByRole("button", { name: "是的，放弃" }).click();
  await expect(page).toHaveURL(/\/me\/wishes\?withdrawn=1$/);
  await expect(page.getByText("已放弃认领，心愿回到了心愿墙。")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: title })).toHaveCount(0);
  const past = page.getByRole("region", { name: "以前认领的心愿" });
  await expect(past.getByText(title).first()).toBeVisible();

  await page.goto(wishUrl);
  await expect(page.getByRole("button", { name: "认领这个心愿" })).toBeVisible();
  await page.context().close();
});
