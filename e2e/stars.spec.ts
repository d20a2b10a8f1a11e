import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  DEMO,
  askForCode,
  expectAccessible,
  failOnCspViolations,
  freshPhone,
  screen,
  signIn,
  signInAt,
  signUpFresh,
} from "./support";

// The pages work under the site's Content-Security-Policy: nothing they need is refused.
failOnCspViolations();

// Neighbourhood Star on the residents' side. The demo's 15th festival takes nominations now; its
// candidates include 王秀英 and 周建华 (热心公益之星, 2 votes each; stars-dashboard.spec.ts, which
// runs first, approves a few more and merges 周建华's second story) and its voting comes later. To
// vote, the organiser moves the festival's windows in the dashboard's settings form: registration's
// window is never touched, so the other journeys keep theirs. Once voting has opened its window
// only moves in ways that neither reopen the rules nor end it in the past, so the journey closes
// the vote by setting its end a minute or two ahead and waiting for it; a closed vote's window
// stays as it is.

const STARS = "/festivals/meihu-15/stars";
const RESULTS_14 = "/festivals/meihu-14/stars/results";

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** A small real picture, as a phone's camera would give (only smaller). */
const picture = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 212, g: 160, b: 23 } } })
    .png()
    .toBuffer();

/** "2026-11-27T09:05" in Hefei (UTC+8, no daylight saving), `minutes` from now, on the form's 5-minute grid. */
const hefeiLocal = (minutes: number) => {
  const at = Date.now() + minutes * 60_000;
  return new Date(Math.floor(at / 300_000) * 300_000 + 8 * 3600_000).toISOString().slice(0, 16);
};

const WINDOWS = {
  nominationOpensAt: "提名开始",
  nominationClosesAt: "提名截止",
  votingOpensAt: "投票开始",
  votingClosesAt: "投票截止",
} as const;
type Windows = Record<keyof typeof WINDOWS, string>;
let original: Windows | null = null;
/** Set once voting has opened: from then on its window cannot be put back. */
let opened = false;

const UNVERIFIED_PASSWORD = "a kite above the lake";
let unverifiedPhone = "";

/** The organiser changes the festival's nomination and voting windows in its settings form. */
async function setWindows(page: Page, windows: Windows) {
  await page.goto("/dashboard/festivals/meihu-15");
  for (const [key, label] of Object.entries(WINDOWS)) await page.getByLabel(label).fill(windows[key as keyof Windows]);
  // Saving re-renders the form from the database (it is keyed by the festival's version), so the
  // proof is in the fields after a reload.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/dashboard/festivals/meihu-15")),
    page.getByRole("button", { name: "保存设置" }).click(),
  ]);
  await page.reload();
  for (const [key, label] of Object.entries(WINDOWS))
    await expect(page.getByLabel(label)).toHaveValue(windows[key as keyof Windows]);
}

async function organiser(browser: Browser) {
  const page = await (
    await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 900 } })
  ).newPage();
  await signInAt(page, DEMO.organiser, "/dashboard");
  return page;
}

const ZH = {
  voteFor: "投给",
  next: "下一步：确认选票",
  confirmTitle: "请确认您的选票",
  confirm: "确认投票",
  done: "投票成功！",
};
type Labels = typeof ZH;

/** Goes on from the ticked candidates to the confirmation step, which names them and has the focus. */
async function toConfirmation(page: Page, category: string, names: string[], labels: Labels = ZH) {
  const section = region(page, category);
  await section.getByRole("button", { name: labels.next }).click();
  const confirm = section.getByRole("region", { name: labels.confirmTitle });
  await expect(confirm.getByRole("heading", { name: labels.confirmTitle })).toBeFocused();
  for (const name of names) await expect(confirm.getByText(name, { exact: true })).toBeVisible();
  return confirm;
}

/** Ticks candidates, checks the choice on the confirmation step, and casts it; returns the receipt. */
async function vote(page: Page, category: string, names: string[], labels: Labels = ZH, shot?: string) {
  const section = region(page, category);
  for (const name of names) await section.getByLabel(`${labels.voteFor} ${name}`, { exact: true }).check();
  const confirm = await toConfirmation(page, category, names, labels);
  if (shot) {
    await expectAccessible(page);
    await screen(page, shot);
  }
  await confirm.getByRole("button", { name: labels.confirm }).click();
  await expect(section.getByText(labels.done)).toBeVisible();
  return (await section.locator("strong.font-mono").textContent())!.trim();
}

/** A new resident who signs up with the demo's free household code (美湖花园 1栋 1单元 102), on the stars page. */
async function signUpWithCode(browser: Browser, name: string) {
  const page = await (
    await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 800 } })
  ).newPage();
  await page.goto("/sign-up?code=MEHU-3333");
  await page.getByLabel("短信验证码").fill(await askForCode(page, freshPhone()));
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("密码", { exact: true }).fill("lotus leaves in the rain");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/me\?welcome=verified$/);
  await page.goto(STARS);
  return page;
}

test.describe.serial("Neighbourhood Star, the residents' side", () => {
  test.afterAll(async ({ browser }) => {
    // Whatever happened above, the 15th festival gets its own windows back.
    if (!original || opened) return;
    const page = await organiser(browser);
    await setWindows(page, original);
    await page.context().close();
  });

  for (const width of [360, 1280]) {
    test(`at ${width} px, a visitor reads the candidates, the 14th's results and a certificate`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      await page.getByRole("link", { name: "去提名好邻居" }).click();
      await expect(page).toHaveURL(new RegExp(`${STARS}$`));
      await expect(page.getByRole("heading", { level: 1, name: "邻里之星" })).toBeVisible();
      await expect(page.getByText(/^现在可以提名，截止到/)).toBeVisible();
      const generous = region(page, "热心公益之星");
      await expect(generous.getByText("每人在这个类别可以投 2 票，最多选 2 位。")).toBeVisible();
      await expect(generous.getByRole("heading", { name: "王秀英" })).toBeVisible();
      await expect(generous.getByRole("heading", { name: "周建华" })).toBeVisible();
      await expect(region(page, "文明家庭").getByText("这个类别按户投票：每户一张选票，投 1 票。")).toBeVisible();
      // A rejected nomination is not a candidate.
      await expect(page.getByText("何丽娟")).toHaveCount(0);
      await expect(page.getByText("登录后才能提名。")).toBeVisible();
      await expect(page.getByRole("button", { name: "提交提名" })).toHaveCount(0);
      await expectAccessible(page);
      await screen(page, "stars");

      await page.goto("/festivals/meihu-15/stars/results");
      await expect(page.getByText("评选结果会在投票结束后公布，请耐心等待。")).toBeVisible();

      await page.goto(RESULTS_14);
      await expect(page.getByRole("heading", { level: 1, name: "邻里之星评选结果" })).toBeVisible();
      const generous14 = region(page, "热心公益之星");
      await expect(generous14.getByRole("heading", { name: "陈玉梅" })).toBeVisible();
      await expect(generous14.getByText("得票：14")).toBeVisible();
      await expect(generous14.getByRole("heading", { name: "郭国庆" })).toBeVisible();
      await expect(page.getByText("马卫东")).toHaveCount(0);
      await expect(region(page, "文明家庭").getByRole("heading", { name: "朱春生家" })).toBeVisible();
      await expectAccessible(page);
      await screen(page, "stars-results");

      await generous14.getByRole("link", { name: /^打印证书\s*（陈玉梅）$/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "荣誉证书" })).toBeVisible();
      const sheet = page.locator(".certificate");
      await expect(sheet.getByText("陈玉梅", { exact: true })).toBeVisible();
      await expect(sheet.getByText("热心公益之星", { exact: true })).toBeVisible();
      await expect(sheet.getByText("第十四届美湖邻里节", { exact: true })).toBeVisible();
      await expect(sheet.getByText("2021年10月13日")).toBeVisible();
      await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
      await expectAccessible(page);
      await screen(page, "stars-certificate");
      // On paper: one A4 sheet, landscape, within 10 mm margins (277 × 190 mm at 96 dpi), without the buttons.
      await page.emulateMedia({ media: "print" });
      expect(Math.round((await sheet.boundingBox())!.width)).toBe(1047);
      expect(Math.round((await sheet.boundingBox())!.height)).toBe(718);
      await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
      if (width === 1280) {
        await page.setViewportSize({ width: 1123, height: 794 });
        await screen(page, "stars-certificate-print");
        // Printed, it is one page.
        const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
        expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
      }
    });
  }

  test("a verified resident nominates a named neighbour with a photo; a file that is not a picture is refused", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAt(page, DEMO.resident, STARS);
    const form = page.getByRole("region", { name: "提名一位好邻居" });
    await form.getByRole("radio", { name: /邻里互助之星/ }).check();
    await form.getByLabel("姓名", { exact: true }).fill("吴凤英");
    await form.getByLabel("楼栋").fill("湖畔雅苑 4栋");
    await form.getByLabel("单元").fill("2单元");
    const story = "吴阿姨每天早上帮楼里行动不便的老人取牛奶、倒垃圾，十年如一日。";
    await form.getByLabel("推荐理由").fill(story);
    await expect(form.getByText(`已写 ${story.length} / 500 字`)).toBeVisible();

    // Too big is said at once, before anything is sent.
    const photo = form.getByLabel("照片");
    await photo.setInputFiles({
      name: "big.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 1),
    });
    await expect(form.getByText("照片不能超过 2 MB。")).toBeVisible();
    // A text file renamed to .png passes the browser's look at its name; the server reads its bytes.
    await photo.setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from("this is not a picture, only words"),
    });
    await expect(form.getByText("照片不能超过 2 MB。")).toHaveCount(0);
    await form.getByRole("button", { name: "提交提名" }).click();
    await expect(form.getByText("只能上传 JPG、PNG 或 WebP 格式的照片。")).toBeVisible();
    await expect(form.getByText("填写的内容有误，请看下面的提示。")).toBeVisible();
    await expect(page.getByRole("region", { name: "我的提名" }).getByText("吴凤英")).toHaveCount(0);
    await expectAccessible(page);

    await photo.setInputFiles({ name: "wu.png", mimeType: "image/png", buffer: await picture() });
    const preview = form.getByRole("img", { name: "您选的照片" });
    await expect(preview).toBeVisible();
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await form.getByRole("button", { name: "提交提名" }).click();
    await expect(form.getByText("谢谢您的提名！社区审核后会通知您。")).toBeVisible();

    const mine = page.getByRole("region", { name: "我的提名" });
    const item = mine.getByRole("listitem").filter({ hasText: "吴凤英" });
    await expect(item.getByText("等待审核")).toBeVisible();
    await expect(item.getByText("邻里互助之星")).toBeVisible();
    const sent = item.getByRole("img", { name: "您提交的照片" });
    await expect(sent).toBeVisible();
    await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await expectAccessible(page);
    await screen(page, "stars-nominated");

    // The photo is the nominator's until it is approved: nobody else gets it, not even its address.
    const src = (await sent.getAttribute("src"))!;
    const own = await page.request.get(src);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("image/jpeg");
    expect(own.headers()["cache-control"]).toBe("private, no-store");
    expect(own.headers()["x-content-type-options"]).toBe("nosniff");
    const stranger = await page.context().browser()!.newContext();
    expect((await stranger.request.get(new URL(src, page.url()).toString())).status()).toBe(404);
    expect((await stranger.request.get(new URL("/api/stars/photos/not-a-photo", page.url()).toString())).status()).toBe(
      404,
    );
    await stranger.close();

    // A form on another site cannot nominate in the resident's name (multipart needs no preflight).
    const forged = await page.request.post("/api/stars/nominations", {
      headers: { origin: "https://elsewhere.example" },
      multipart: {
        festivalSlug: "meihu-15",
        categoryId: "00000000-0000-4000-8000-000000000000",
        nomineeKind: "named",
        name: "X",
        building: "Y",
        story: "Z",
      },
    });
    expect(forged.status()).toBe(403);
  });

  test("a resident with an account is told they were nominated and declines; the nominator is told", async ({
    page,
    browser,
  }) => {
    await signInAt(page, DEMO.resident, STARS);
    const form = page.getByRole("region", { name: "提名一位好邻居" });
    await form.getByRole("radio", { name: /孝老爱亲之星/ }).check();
    await form.getByRole("radio", { name: /有账号的居民/ }).check();
    await form.getByLabel("姓名", { exact: true }).fill("刘洋");
    await form.getByLabel("对方的手机号").fill(DEMO.resident);
    await form.getByLabel("推荐理由").fill("刘洋每个周末都陪父母去公园散步，还照顾楼里的独居老人。");
    await form.getByRole("button", { name: "提交提名" }).click();
    await expect(form.getByText("这是您自己的手机号，请填写对方的号码。")).toBeVisible();
    await form.getByLabel("对方的手机号").fill(DEMO.volunteer);
    await form.getByRole("button", { name: "提交提名" }).click();
    await expect(form.getByText("谢谢您的提名！社区审核后会通知您。")).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "我的提名" })
        .getByRole("listitem")
        .filter({ hasText: "刘洋" })
        .getByText("等待审核"),
    ).toBeVisible();

    const liu = await (
      await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 800 } })
    ).newPage();
    await signIn(liu, DEMO.volunteer);
    await expect(
      liu.getByText("王秀英 在“孝老爱亲之星”评选中提名了您。不想参加的话，可以在下面“邻里之星”里谢绝。"),
    ).toBeVisible();
    const card = liu.getByRole("region", { name: "邻里之星" });
    const nomination = card.getByRole("listitem").filter({ hasText: "孝老爱亲之星" });
    await expect(nomination.getByText("等待审核")).toBeVisible();
    await expectAccessible(liu);
    await screen(liu, "stars-me-nominated");
    liu.once("dialog", (d) => d.accept());
    await nomination.getByRole("button", { name: "谢绝提名" }).click();
    await expect(nomination.getByText("已谢绝")).toBeVisible();
    await liu.reload();
    await expect(
      liu
        .getByRole("region", { name: "邻里之星" })
        .getByRole("listitem")
        .filter({ hasText: "孝老爱亲之星" })
        .getByText("已谢绝"),
    ).toBeVisible();
    await liu.context().close();

    await page.goto("/me");
    await expect(page.getByText("刘洋 谢绝了您的提名。")).toBeVisible();
    await page.goto(STARS);
    await expect(
      page
        .getByRole("region", { name: "我的提名" })
        .getByRole("listitem")
        .filter({ hasText: "刘洋" })
        .getByText("本人已谢绝"),
    ).toBeVisible();
  });

  test("an unverified resident is told why they cannot nominate, and how to fix it", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    // A resident who signed up without a household code (the demo's 陈志强 is verified by roster.spec).
    unverifiedPhone = await signUpFresh(page, "钱凤英", UNVERIFIED_PASSWORD);
    await page.goto(STARS);
    await expect(page.getByText("只有验证过住户的居民才能提名。您的住户还没有验证。")).toBeVisible();
    await expect(page.getByRole("link", { name: "去“我的”页面验证" })).toHaveAttribute("href", "/me");
    await expect(page.getByRole("button", { name: "提交提名" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("voting: residents vote (one in English, two of one household), the unverified one is told why not, a second ballot is refused; after the close the results wait, then each receipt is on the public list", async ({
    page,
    browser,
  }) => {
    // The vote closes on the clock, a minute or two after the last ballot.
    test.setTimeout(300_000);
    // Before voting: a family for 文明家庭 (one ballot a household), and the organiser approves it
    // and 吴凤英 (邻里互助之星, one vote) in the vetting page, so both kinds of category have candidates.
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAt(page, DEMO.resident, STARS);
    const form = page.getByRole("region", { name: "提名一位好邻居" });
    await form.getByRole("radio", { name: /文明家庭/ }).check();
    await form.getByLabel("姓名", { exact: true }).fill("赵德华家");
    await form.getByLabel("楼栋").fill("美湖花园 6栋");
    await form.getByLabel("推荐理由").fill("赵家四代同堂，家风和睦，每年春节给楼里的独居老人送年夜饭。");
    await form.getByRole("button", { name: "提交提名" }).click();
    await expect(form.getByText("谢谢您的提名！社区审核后会通知您。")).toBeVisible();

    const admin = await organiser(browser);
    await admin.goto("/dashboard/festivals/meihu-15/stars/nominations?status=pending");
    const pending = admin.getByRole("region", { name: "提名列表" });
    for (const name of ["吴凤英", "赵德华家"])
      await pending.getByRole("checkbox", { name: new RegExp(`^勾选 ${name}（`) }).check();
    await admin.getByRole("button", { name: "通过", exact: true }).click();
    await expect(admin.getByRole("status").filter({ hasText: "已处理 2 条提名。" })).toBeVisible();
    await page.goto("/me");
    await expect(page.getByText("您对 吴凤英 的提名（邻里互助之星）已通过审核，成为候选人。")).toBeVisible();

    await admin.goto("/dashboard/festivals/meihu-15");
    original = Object.fromEntries(
      await Promise.all(
        Object.entries(WINDOWS).map(async ([k, label]) => [k, await admin.getByLabel(label).inputValue()]),
      ),
    ) as Windows;
    opened = true;
    await setWindows(admin, {
      nominationOpensAt: hefeiLocal(-3 * 1440),
      nominationClosesAt: hefeiLocal(-2 * 1440),
      votingOpensAt: hefeiLocal(-1440),
      votingClosesAt: hefeiLocal(1440),
    });

    // 王秀英, on a phone: two votes in 热心公益之星, checked on a second screen, then final.
    await page.goto(STARS);
    await expect(page.getByText(/^现在正在投票，截止到/)).toBeVisible();
    await expect(page.getByText("投票期间不显示票数，结果公布时一起公布。")).toBeVisible();
    await expect(page.getByRole("region", { name: "提名一位好邻居" })).toHaveCount(0);
    const generous = region(page, "热心公益之星");
    await expect(generous.getByRole("group", { name: "为“热心公益之星”投票" })).toBeVisible();
    await expectAccessible(page);
    await screen(page, "stars-ballot");
    // The same page in a second tab, left open: its ballot will be refused.
    const stale = await page.context().newPage();
    await stale.setViewportSize({ width: 360, height: 800 });
    await stale.goto(STARS);

    await generous.getByRole("checkbox", { name: "投给 周建华" }).check();
    await generous.getByRole("checkbox", { name: "投给 王秀英" }).check();
    await expect(generous.getByText("已选 2 位，最多 2 位")).toBeVisible();
    await expect(generous.getByText("已经选满了。要换人，请先取消一位。")).toBeVisible();
    // Going back from the confirmation keeps the choice, to change it.
    await (
      await toConfirmation(page, "热心公益之星", ["周建华", "王秀英"])
    )
      .getByRole("button", { name: "返回修改" })
      .click();
    await generous.getByRole("checkbox", { name: "投给 王秀英" }).uncheck();
    await expect(generous.getByText("已选 1 位，最多 2 位")).toBeVisible();
    await generous.getByRole("checkbox", { name: "投给 王秀英" }).check();
    const confirm = await toConfirmation(page, "热心公益之星", ["周建华", "王秀英"]);
    await expect(confirm.getByText("选票提交后不能更改，也不能再投一次。")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "stars-confirm");
    await confirm.getByRole("button", { name: "确认投票" }).click();
    await expect(generous.getByText("投票成功！")).toBeVisible();
    const wangReceipt = (await generous.locator("strong.font-mono").textContent())!.trim();
    expect(wangReceipt).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    await expect(generous.getByText(/^您投给了：周建华和王秀英$/)).toBeVisible();
    await expect(generous.getByRole("button", { name: "打印回执" })).toBeVisible();

    // The tab left open tries again: refused, and said why.
    await region(stale, "热心公益之星").getByRole("checkbox", { name: "投给 周建华" }).check();
    await (await toConfirmation(stale, "热心公益之星", ["周建华"])).getByRole("button", { name: "确认投票" }).click();
    await expect(
      region(stale, "热心公益之星").getByText("您在这个类别已经投过票了，每人（或每户）只能投一次。"),
    ).toBeVisible();
    await stale.close();

    // Afterwards the page says that she voted, not for whom: neither choice nor receipt is kept with her name.
    await page.reload();
    await expect(generous.getByText("您已投票")).toBeVisible();
    await expect(generous.getByText("为了保密，这里不显示您投给了谁。")).toBeVisible();
    await expect(generous.getByText(wangReceipt)).toHaveCount(0);
    await expect(generous.getByText(/您投给了：/)).toHaveCount(0);
    await expect(generous.getByRole("checkbox")).toHaveCount(0);
    await page.goto("/me");
    const myStars = page.getByRole("region", { name: "邻里之星" });
    await expect(myStars.getByText("您已投票")).toBeVisible();
    await expect(myStars.getByText(wangReceipt)).toHaveCount(0);
    await expect(myStars.getByText(/您投给了：/)).toHaveCount(0);
    await screen(page, "stars-me-ballot");

    // 刘洋, in English, at a desk.
    const liu = await (
      await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInAt(liu, DEMO.volunteer, STARS);
    await liu.getByRole("button", { name: "English" }).click();
    await expect(liu.getByRole("heading", { level: 1, name: "Neighbourhood Star" })).toBeVisible();
    await expect(
      region(liu, "热心公益之星").getByText("You have 2 votes in this category: choose up to 2 neighbours."),
    ).toBeVisible();
    const en = {
      voteFor: "Vote for",
      next: "Next: check my vote",
      confirmTitle: "Please check your vote",
      confirm: "Cast my vote",
      done: "Your vote is in!",
    };
    const liuReceipt = await vote(liu, "热心公益之星", ["周建华", "王秀英"], en, "stars-confirm-en");
    await expect(region(liu, "热心公益之星").getByText(`Receipt code: ${liuReceipt}`)).toBeVisible();
    // One vote: a choice of one (radio buttons); the approved photo is now everyone's to see.
    const helping = region(liu, "邻里互助之星");
    await expect(helping.getByText("You have 1 vote in this category.")).toBeVisible();
    const wuPhoto = helping.getByRole("img", { name: "Photo of 吴凤英" });
    await expect.poll(() => wuPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    const anyone = await browser.newContext();
    const shared = await anyone.request.get(new URL((await wuPhoto.getAttribute("src"))!, liu.url()).toString());
    expect(shared.status()).toBe(200);
    expect(shared.headers()["cache-control"]).toBe("public, max-age=3600");
    await anyone.close();
    await expect(helping.getByRole("checkbox")).toHaveCount(0);
    await vote(liu, "邻里互助之星", ["吴凤英"], en);
    await liu.context().close();

    // Two neighbours of one household sign up today with its code. The first votes for the
    // household in 文明家庭; the second is told the household has voted, and by whom.
    const [first, second] = [await signUpWithCode(browser, "孙海涛"), await signUpWithCode(browser, "孙丽娟")];
    await vote(first, "热心公益之星", ["王秀英"]);
    await expect(region(first, "文明家庭").getByText("这个类别按户投票：每户一张选票，投 1 票。")).toBeVisible();
    await vote(first, "文明家庭", ["赵德华家"]);
    await first.context().close();
    await second.reload();
    const family = region(second, "文明家庭");
    await expect(family.getByText("您家已经投过票了（由 孙海涛 投的）。")).toBeVisible();
    await expect(family.getByRole("radio")).toHaveCount(0);
    await expect(region(second, "热心公益之星").getByRole("checkbox", { name: "投给 王秀英" })).toBeVisible();
    await expectAccessible(second);
    await screen(second, "stars-household-voted");
    await second.goto("/me");
    await expect(
      second.getByRole("region", { name: "邻里之星" }).getByText("您家已经投过票了（由 孙海涛 投的）。"),
    ).toBeVisible();
    await second.context().close();

    // A resident without a verified household: told why, and how; no ballot to fill in.
    const chen = await (
      await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 800 } })
    ).newPage();
    await signIn(chen, unverifiedPhone, UNVERIFIED_PASSWORD);
    await chen.goto(STARS);
    await expect(chen.getByText("只有验证过住户的居民才能投票。您的住户还没有验证。")).toBeVisible();
    await expect(chen.getByRole("link", { name: "去“我的”页面验证" })).toBeVisible();
    await expect(chen.getByRole("checkbox")).toHaveCount(0);
    await expect(region(chen, "热心公益之星").getByRole("heading", { name: "周建华" })).toBeVisible();
    await expectAccessible(chen);
    await chen.context().close();

    // A visitor sees the candidates and no counts.
    const visitor = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
    await visitor.goto(STARS);
    await expect(visitor.getByText("登录后才能投票。")).toBeVisible();
    await expect(region(visitor, "热心公益之星").getByRole("heading", { name: "王秀英" })).toBeVisible();
    await expect(visitor.getByText(/得票|票数：/)).toHaveCount(0);

    // While voting runs the organisers' tally shows turnout, and no candidate's count.
    await admin.goto("/dashboard/festivals/meihu-15/stars/tally");
    await expect(admin.getByText(/^投票进行中，/)).toBeVisible();
    const generousTally = admin.getByRole("region", { name: "热心公益之星", exact: true });
    await expect(generousTally.getByText(/^选票 3 张 · 评出 2 位/)).toBeVisible();
    await expect(generousTally.getByText(/不显示每位候选人的票数/)).toBeVisible();
    await expect(admin.getByRole("columnheader", { name: "票数", exact: true })).toHaveCount(0);
    await expect(admin.getByRole("region", { name: "各楼栋投票人数和投票率" })).toBeVisible();
    await expectAccessible(admin);

    // The vote is set to close at the first whole minute at least 40 s away (the window is set in
    // minutes; its end may move, but not into the past).
    const closesAt = Math.ceil((Date.now() + 40_000) / 60_000) * 60_000;
    await setWindows(admin, {
      nominationOpensAt: hefeiLocal(-3 * 1440),
      nominationClosesAt: hefeiLocal(-2 * 1440),
      votingOpensAt: hefeiLocal(-1440),
      votingClosesAt: new Date(closesAt + 8 * 3600_000).toISOString().slice(0, 16),
    });

    // Nothing an organiser or the public can open ties a voter to a choice: no page shows a
    // voter's receipt (the only thing that links a ballot to its votes).
    for (const path of [
      "/dashboard/festivals/meihu-15/stars",
      "/dashboard/festivals/meihu-15/stars/nominations",
      "/dashboard/festivals/meihu-15/stars/tally",
      "/dashboard/festivals/meihu-15/stars/publish",
      "/dashboard/audit?action=stars.vote",
      "/dashboard/residents",
      STARS,
      `${STARS}/results`,
    ]) {
      const res = await admin.goto(path);
      expect(res?.status(), path).toBe(200);
      const html = await admin.content();
      for (const receipt of [wangReceipt, liuReceipt])
        expect(html.includes(receipt), `${receipt} on ${path}`).toBe(false);
    }

    // Voting closes; the results are not published yet.
    await admin.waitForTimeout(Math.max(0, closesAt + 1_500 - Date.now()));
    await visitor.goto(STARS);
    await expect(visitor.getByText("投票已经结束。评选结果公布后会在这里告诉大家。")).toBeVisible();
    await visitor.getByRole("link", { name: "查看评选结果" }).click();
    await expect(visitor).toHaveURL(/\/festivals\/meihu-15\/stars\/results$/);
    await expect(visitor.getByText("评选结果会在投票结束后公布，请耐心等待。")).toBeVisible();
    await expect(visitor.getByText("王秀英")).toHaveCount(0);
    await expectAccessible(visitor);

    // The organiser publishes; residents then see the winners and can print a certificate.
    await admin.goto("/dashboard/festivals/meihu-15/stars/publish");
    await expect(admin.getByText("没有并列，核对名单后就可以公布。")).toBeVisible();
    admin.once("dialog", (d) => d.accept());
    await admin.getByRole("button", { name: "公布评选结果" }).click();
    await expect(admin.getByRole("status").filter({ hasText: /^评选结果已于 .+ 公布。$/ })).toBeVisible();
    await expect(admin.getByRole("row", { name: /^热心公益之星 1 王秀英（.+） 3/ })).toBeVisible();
    await visitor.goto(`${STARS}/results`);
    const generousWinners = region(visitor, "热心公益之星");
    await expect(generousWinners.getByRole("heading", { name: "王秀英" })).toBeVisible();
    await expect(generousWinners.getByText("得票：3")).toBeVisible();
    await expectAccessible(visitor);
    await screen(visitor, "stars-results-15");
    await generousWinners.getByRole("link", { name: /^打印证书\s*（王秀英）$/ }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "荣誉证书" })).toBeVisible();
    await expect(visitor.locator(".certificate").getByText("王秀英", { exact: true })).toBeVisible();

    // Each voter finds their receipt on the public list, beside the published counts, with no
    // candidate beside it.
    await visitor.goto(`${STARS}/results`);
    await visitor.getByRole("link", { name: "查看投票回执公示" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "投票回执公示" })).toBeVisible();
    await expect(visitor.getByText("热心公益之星：计入 3 张选票")).toBeVisible();
    await expect(visitor.getByText("王秀英：3 票")).toBeVisible();
    const board = visitor.getByRole("region", { name: "计入选票的回执码，按字母顺序" });
    for (const receipt of [wangReceipt, liuReceipt])
      await expect(board.getByRole("row").filter({ hasText: receipt })).toHaveCount(1);
    await visitor.getByLabel("您的回执码").fill(wangReceipt.toLowerCase().replace("-", ""));
    await visitor.getByRole("button", { name: "查找" }).click();
    await expect(
      visitor.getByRole("status").filter({ hasText: `找到了：回执码 ${wangReceipt} 的选票已经计入（热心公益之星）。` }),
    ).toBeVisible();
    await expect(board.getByRole("row")).toHaveCount(2);
    await expect(board.getByText(/周建华|王秀英/)).toHaveCount(0);
    await expectAccessible(visitor);
    await screen(visitor, "stars-receipts");
    await visitor.getByLabel("您的回执码").fill("ZZZZZ-ZZZZZ");
    await visitor.getByRole("button", { name: "查找" }).click();
    await expect(visitor.getByRole("status").filter({ hasText: "没有找到回执码 ZZZZZ-ZZZZZ。" })).toBeVisible();
    await visitor.context().close();

    // A closed vote's window stays as it is.
    await admin.goto("/dashboard/festivals/meihu-15");
    await admin.getByLabel(WINDOWS.votingClosesAt).fill(hefeiLocal(1440));
    await admin.getByRole("button", { name: "保存设置" }).click();
    await expect(admin.getByText("投票已经结束，投票时间不能再改。")).toBeVisible();
    await admin.context().close();
  });
});
