import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, freshPhone, screen, signInAt, signUpFresh, lettersOnly } from "./support";

// The organisers' side of micro-wishes and points. Specs share one database: what this one changes
// it makes itself — wishes written down here or asked for by a fresh resident, a fresh helper on a
// fresh shift who spends points. The demo volunteer claims one of them (and is released, then
// confirmed: +10 points); no demo wish changes state.

const WISHES = "/dashboard/wishes";
const SHIFTS = "/dashboard/festivals/meihu-15/registrations/shifts";

const table = (page: Page) => page.getByRole("region", { name: "微心愿" });
const rowOf = (page: Page, text: string | RegExp) => table(page).getByRole("row").filter({ hasText: text });
/** Opens a status tab and waits until the list shows it. */
async function openTab(page: Page, name: RegExp) {
  const tab = page.getByRole("navigation", { name: "按状态查看" }).getByRole("link", { name });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-current", "page");
}
/** Writes a wish down through the organisers' form (no household, an address). */
async function writeWish(page: Page, w: { name: string; alias: string; title: string }) {
  await page.getByLabel("姓名").fill(w.name);
  await page.getByLabel("年龄").fill("83");
  await page.getByLabel("困难情况").selectOption({ label: "独居老人" });
  await page.getByLabel("地址").fill("美湖新苑 7栋 2单元 302");
  await page.getByLabel("标题").fill(w.title);
  await page.getByLabel("心愿故事").fill("膝盖怕冷，冬天走路疼。");
  await page.getByLabel("类别").selectOption({ label: "物品" });
  await page.getByLabel("价值（元）").fill("60");
  await page.getByLabel("心愿墙上的称呼").fill(w.alias);
  await page.getByRole("button", { name: "登记并上墙" }).click();
  await expect(page.getByText(`已登记：“${w.title}”已在心愿墙上。`)).toBeVisible();
}

const run = lettersOnly(Date.now().toString(36).slice(-5));

test.describe("the organisers' micro-wishes", () => {
  test("an organiser writes a wish down for a beneficiary; it is on the wall at once, the private details only here", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "微心愿" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "微心愿" })).toBeVisible();
    await page.getByRole("link", { name: "代为登记心愿" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "代为登记心愿" })).toBeVisible();
    await expect(page.getByText("社区上限：200 元。")).toBeVisible();
    await expectAccessible(page);

    const name = `测试受助人${run}`;
    const alias = `钱奶奶${run}`;
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("手机号").fill("13700009999");
    await page.getByLabel("年龄").fill("80");
    await page.getByLabel("困难情况").selectOption({ label: "独居老人" });
    // A household that is not on the roster: refused beside the field, what was typed kept.
    await page.getByLabel("楼栋").fill("没有这栋楼");
    await page.getByLabel("单元").fill("1");
    await page.getByLabel("房号").fill("101");
    await page.getByLabel("标题").fill("一个暖手宝");
    await page.getByLabel("心愿故事").fill("冬天手脚冰凉，想要一个充电的暖手宝。");
    await page.getByLabel("类别").selectOption({ label: "物品" });
    await page.getByLabel("价值（元）").fill("50");
    await page.getByLabel("心愿墙上的称呼").fill(alias);
    await page.getByLabel("照片").setInputFiles({
      name: "warmer.png",
      mimeType: "image/png",
      buffer: await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 60, b: 40 } } })
        .png()
        .toBuffer(),
    });
    await page.getByRole("button", { name: "登记并上墙" }).click();
    await expect(
      page.getByText("住户名册里没有这个楼栋、单元和房号：请核对，或留空并填写地址。", { exact: true }),
    ).toBeVisible();
    await expect(page.getByLabel("标题")).toHaveValue("一个暖手宝");

    await page.getByLabel("楼栋").fill("");
    await page.getByLabel("单元").fill("");
    await page.getByLabel("房号").fill("");
    await page.getByLabel("地址").fill("美湖花园 9栋 1单元 101");
    await page.getByLabel("照片").setInputFiles({
      name: "warmer.png",
      mimeType: "image/png",
      buffer: await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 60, b: 40 } } })
        .png()
        .toBuffer(),
    });
    await page.getByRole("button", { name: "登记并上墙" }).click();
    await expect(page.getByText("已登记：“一个暖手宝”已在心愿墙上。")).toBeVisible();
    // The form is empty again for the next one.
    await expect(page.getByLabel("标题")).toHaveValue("");

    await page.getByRole("link", { name: "查看心愿墙上的心愿" }).click();
    await expect(
      page.getByRole("navigation", { name: "按状态查看" }).getByRole("link", { name: /^在心愿墙上/ }),
    ).toHaveAttribute("aria-current", "page");
    await page.getByLabel("搜索").fill(name);
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const row = rowOf(page, alias);
    await expect(row).toHaveCount(1);
    await expect(row.getByText("一个暖手宝")).toBeVisible();
    await expect(row.getByText("13700009999")).toBeVisible();
    await expect(row.getByText("80 岁 · 独居老人")).toBeVisible();
    await expect(row.getByText("在心愿墙上")).toBeVisible();
    await expect(row.getByText("尚未认领")).toBeVisible();
    const photo = row.getByRole("img", { name: `${alias} 的心愿照片` });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  test("bulk vetting: rejecting or sending back needs a reason (also without JavaScript); two posted on the wall at once, one sent back", async ({
    page,
    browser,
    baseURL,
  }) => {
    // A fresh resident asks for three wishes; they wait for the community.
    const resident = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const asker = await resident.newPage();
    await signUpFresh(asker, `求助${run}`, "plum blossom by the lake");
    for (const [n, title] of [
      ["一", "一盏台灯"],
      ["二", "一把折叠椅"],
      ["三", "陪我下棋"],
    ]) {
      const form = {
        title,
        story: "一个人住，想请邻居帮帮忙。",
        category: title === "陪我下棋" ? "companionship" : "goods",
        value: "30",
        alias: `${run}审${n}`,
        age: "75",
        circumstance: "elderly_alone",
        wantedBy: "",
      };
      const sent = await asker.request.post("/api/wishes", { multipart: form, headers: { origin: baseURL! } });
      expect(await sent.text()).toContain('"ok":true');
    }
    await resident.close();

    await signInAt(page, DEMO.organiser, WISHES);
    await openTab(page, /^待审核/);
    await page.getByLabel("搜索").fill(`${run}审`);
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(table(page).getByRole("row")).toHaveCount(1 + 3);
    await expect(rowOf(page, `${run}审一`).getByText(`求助${run}`).first()).toBeVisible();
    await expectAccessible(page);
    await screen(page, "wishes-pending");

    // Nothing ticked, then no reason: refused, nothing changes.
    await page.getByRole("button", { name: "退回修改", exact: true }).click();
    await expect(page.getByText("请先勾选至少一个心愿。")).toBeVisible();
    await rowOf(page, `${run}审一`).getByRole("checkbox").check();
    await page.getByRole("button", { name: "不通过", exact: true }).click();
    await expect(page.getByText("请写明原因。")).toBeVisible();
    await expect(table(page).getByRole("row")).toHaveCount(1 + 3);

    // The same refusal without scripts: the form posts on its own.
    const storageState = await page.context().storageState();
    const plain = await browser.newContext({
      javaScriptEnabled: false,
      storageState,
      baseURL,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const noJs = await plain.newPage();
    await noJs.goto(`${WISHES}?status=pending&q=${encodeURIComponent(`${run}审`)}`);
    await rowOf(noJs, `${run}审三`).getByRole("checkbox").check();
    await noJs.getByRole("button", { name: "退回修改", exact: true }).click();
    await expect(noJs.getByText("请写明原因。")).toBeVisible();
    await plain.close();

    // Two on the wall at once.
    await rowOf(page, `${run}审二`).getByRole("checkbox").check();
    await page.getByRole("button", { name: "通过并上墙", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已处理 2 个心愿。" })).toBeVisible();
    await expect(table(page).getByRole("row")).toHaveCount(1 + 1);

    // The third goes back to the resident with the reason.
    await rowOf(page, `${run}审三`).getByRole("checkbox").check();
    await page.getByLabel("原因", { exact: true }).fill("请写明方便的时间，志愿者好安排。");
    await page.getByRole("button", { name: "退回修改", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已处理 1 个心愿。" })).toBeVisible();
    await expect(page.getByText("没有符合条件的心愿。")).toBeVisible();
    await openTab(page, /^已退回/);
    await expect(rowOf(page, `${run}审三`).getByText("原因：请写明方便的时间，志愿者好安排。")).toBeVisible();
    await openTab(page, /^在心愿墙上/);
    await expect(table(page).getByRole("row")).toHaveCount(1 + 2);
  });

  test("a claim followed through: released when stuck, claimed again, fulfilled, confirmed with the beneficiary's thanks (+10)", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInAt(page, DEMO.organiser, `${WISHES}/new`);
    const alias = `跟进${run}`;
    await writeWish(page, { name: `跟进受助人${run}`, alias, title: "一副护膝" });
    await page.goto(`${WISHES}?status=open&q=${encodeURIComponent(alias)}`);
    const href = (await rowOf(page, alias)
      .getByRole("link", { name: `查看居民看到的页面：${alias}` })
      .getAttribute("href"))!;
    const wishId = href.split("/").pop()!;

    // The demo volunteer claims it (as the wall's claim button does).
    const volunteerContext = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const volunteer = await volunteerContext.newPage();
    await signInAt(volunteer, DEMO.volunteer, "/me");
    const claim = async () => {
      const res = await volunteer.request.post("/api/wishes/claims", { data: { wishId } });
      const body = await res.json();
      expect(body).toMatchObject({ ok: true });
      return body.data.claimId as string;
    };
    await claim();

    // Stuck: the organiser lets the claim go; the wish is back on the wall.
    await openTab(page, /^已认领/);
    const held = rowOf(page, alias);
    await expect(held.getByText("刘洋")).toBeVisible();
    await expect(held.getByText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 到期$/)).toBeVisible();
    await held.getByText("解除认领…").click();
    await held.getByLabel("给志愿者的原因（选填）").fill("一周没有联系上，先让给别的志愿者。");
    await expectAccessible(page);
    await held.getByRole("button", { name: `解除认领：${alias}` }).click();
    await expect(page.getByText(`已解除认领：${alias} 的心愿重新上墙，并已通知 刘洋。`)).toBeVisible();
    await expect(rowOf(page, alias)).toHaveCount(0);
    await openTab(page, /^在心愿墙上/);
    await expect(rowOf(page, alias).getByText("尚未认领")).toBeVisible();

    // Claimed again, and this time fulfilled with a note.
    const claimId = await claim();
    const fulfilled = await volunteer.request.post("/api/wishes/fulfil", {
      multipart: { claimId, note: "买了一副加厚的护膝送上门。", hours: "1", minutes: "20" },
      headers: { origin: baseURL! },
    });
    expect(await fulfilled.text()).toContain('"ok":true');
    await volunteerContext.close();

    await openTab(page, /^已圆梦待确认/);
    const done = rowOf(page, alias);
    await expect(done.getByText("买了一副加厚的护膝送上门。")).toBeVisible();
    await expectAccessible(page);
    await screen(page, "wishes-fulfilled");
    await done.getByLabel("受助人的感谢的话").fill("膝盖暖和多了，谢谢小刘！");
    await done.getByRole("button", { name: `确认已圆梦：${alias}` }).click();
    // The row leaves this tab; the outcome stays at the top of the list.
    await expect(page).toHaveURL(/status=fulfilled&.*confirmed=/);
    await expect(page.getByText(`已确认 ${alias} 的心愿已圆梦：刘洋 获得 10 积分。`)).toBeVisible();
    await expect(rowOf(page, alias)).toHaveCount(0);

    await openTab(page, /^已完成/);
    const confirmed = rowOf(page, alias);
    await expect(confirmed.getByText("感谢的话：膝盖暖和多了，谢谢小刘！")).toBeVisible();
    await expect(confirmed.getByText(/已于 .* 确认，刘洋 已获得积分。/)).toBeVisible();
  });
});

test.describe("the points desk and backstage shifts", () => {
  test("a fresh helper serves a shift (+5), is refused a reward beyond the balance, gets an award, redeems; a reward added and taken off the list", async ({
    page,
    browser,
    baseURL,
  }) => {
    // A new resident of a household on the roster signs up (verified by its code) as a backstage pioneer.
    const helperName = `到岗${run}`;
    const resident = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const helperPage = await resident.newPage();
    const phone = await signUpFresh(helperPage, helperName, "a quiet lake in spring", freshPhone(), "MEHU-2222");
    const registered = await helperPage.request.post("/api/registrations", {
      data: {
        festivalSlug: "meihu-15",
        participant: { kind: "self" },
        role: "backstage",
        skills: ["photography"],
        available: [{ startsAt: "2027-01-09T00:00:00.000Z", endsAt: "2027-01-09T10:00:00.000Z" }],
      },
    });
    expect(await registered.text()).toContain('"ok":true');
    await resident.close();

    // The organiser puts them on a fresh shift and marks it served, once.
    await signInAt(page, DEMO.organiser, SHIFTS);
    const shiftTitle = `展板拍照${run}`;
    const start = page.getByLabel("开始", { exact: true });
    const day = (await start.inputValue()).slice(0, 10);
    await page.getByLabel("班次名称").fill(shiftTitle);
    await start.fill(`${day}T14:00`);
    await page.getByLabel("结束", { exact: true }).fill(`${day}T15:00`);
    await page.getByLabel("需要人数").fill("1");
    await page.getByRole("button", { name: "新增班次" }).click();
    await expect(page.getByText("班次已新增。")).toBeVisible();
    const people = page.getByRole("region", { name: "幕后先锋名单" });
    await people.getByRole("row").filter({ hasText: helperName }).getByRole("checkbox").check();
    const select = page.getByLabel("安排到班次");
    await select.selectOption((await select.locator("option", { hasText: shiftTitle }).getAttribute("value"))!);
    await page.getByRole("button", { name: "安排上班次" }).click();
    await expect(page.getByText("已安排 1 人。")).toBeVisible();
    const shift = page.getByRole("region", { name: "班次一览" }).getByRole("row").filter({ hasText: shiftTitle });
    await shift.getByRole("button", { name: `标记已到岗：${helperName}，${shiftTitle}` }).click();
    await expect(shift.getByText("已到岗，+5").first()).toBeVisible();
    await expect(shift.getByRole("button", { name: `标记已到岗：${helperName}，${shiftTitle}` })).toHaveCount(0);
    await expectAccessible(page);
    await screen(page, "shifts-served");

    // The points desk: the +5 is there; 10 points is too much for now.
    await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "积分" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "志愿者积分" })).toBeVisible();
    await page.getByLabel("志愿者手机号").fill(phone);
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(helperName) })).toBeVisible();
    await expect(page.getByText("余额：5 分")).toBeVisible();
    const entries = page.getByRole("region", { name: `${helperName} 最近的积分记录` });
    await expect(entries.getByRole("row").filter({ hasText: "完成班次" }).getByText(shiftTitle)).toBeVisible();
    await page.getByLabel("要兑换的奖品").selectOption({ label: "环保购物袋（10 分）" });
    await page.getByRole("button", { name: "登记兑换" }).click();
    await expect(page.getByText("积分不够兑换这个奖品。")).toBeVisible();
    await expect(page.getByText("余额：5 分")).toBeVisible();

    // An award with its reason counts at once.
    await page.getByLabel("奖励多少分").fill("20");
    await page.getByLabel("原因", { exact: true }).fill("帮忙拍摄展板照片");
    await page.getByRole("button", { name: "奖励积分" }).click();
    await expect(page.getByText(`已奖励 ${helperName} 20 分。`)).toBeVisible();
    await expect(page.getByText("余额：25 分")).toBeVisible();
    await page.getByLabel("要兑换的奖品").selectOption({ label: "环保购物袋（10 分）" });
    await page.getByRole("button", { name: "登记兑换" }).click();
    await expect(page.getByText(`已登记：${helperName} 兑换了环保购物袋。余额 15 分。`)).toBeVisible();
    await expect(page.getByText("余额：15 分")).toBeVisible();
    await expect(entries.getByRole("row").filter({ hasText: "兑换奖品" }).getByText("-10")).toBeVisible();
    // The year's totals: earned 25, redeemed 10.
    const totals = page.getByRole("region", { name: /年每人获得和兑换的积分$/ });
    const mine = totals.getByRole("row").filter({ hasText: helperName });
    await expect(mine.getByRole("cell").nth(1)).toHaveText("25");
    await expect(mine.getByRole("cell").nth(2)).toHaveText("10");
    await expectAccessible(page);
    await screen(page, "points-desk");

    // A new reward, then off the list: it is no longer offered at the desk.
    const reward = `保温杯${run}`;
    await page.getByLabel("奖品名称").fill(reward);
    await page.getByLabel("所需积分").fill("12");
    await page.getByRole("button", { name: "添加奖品" }).click();
    await expect(page.getByText(`已添加奖品：${reward}。`)).toBeVisible();
    await expect(page.getByLabel("要兑换的奖品").locator("option", { hasText: reward })).toHaveCount(1);
    const rewards = page.getByRole("region", { name: "奖品列表" });
    await rewards.getByRole("button", { name: `下架：${reward}` }).click();
    await expect(rewards.getByRole("row").filter({ hasText: reward }).getByText("已下架")).toBeVisible();
    await expect(page.getByLabel("要兑换的奖品").locator("option", { hasText: reward })).toHaveCount(0);
  });
});

const PAGES = [
  WISHES,
  `${WISHES}?status=claimed`,
  `${WISHES}/new`,
  `${WISHES}/settings`,
  `/dashboard/points?phone=${DEMO.volunteer}`,
] as const;

test.describe("the organisers' wishes and points on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("every page fits 360 px: the tables scroll inside their boxes, the page does not", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      await expectAccessible(page);
    }
  });
});

test.describe("the organisers' wishes and points in English", () => {
  test("every page reads in English", async ({ page }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    for (const [path, heading] of [
      [WISHES, "Micro-wishes"],
      [`${WISHES}/new`, "Write a wish down"],
      [`${WISHES}/settings`, "Wish settings"],
      [`/dashboard/points?phone=${DEMO.volunteer}`, "Volunteer points"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
    }
    await expect(page.getByText("Balance:", { exact: false })).toBeVisible();
  });
});
