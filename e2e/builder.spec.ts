import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, expectAccessible, screen, signInAt } from "./support";

/** Drags with the mouse from the centre of `from` by dx, dy pixels, in small steps. */
async function dragBy(page: Page, from: Locator, dx: number, dy: number) {
  // From the middle of the screen: a drag that ends near the edge scrolls the grid by design.
  await from.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = (await from.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 12);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
  await page.mouse.up();
}

const PX_PER_MIN = 1.6;
/** An item on the grid is named by its title, venue and times. */
const itemName = (title: string, venue: string, times: string) => new RegExp(`^${title}\\s*，${venue}，\\s*${times}`);

test.describe("the programme builder", () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("an organiser starts a festival from the 14th, arranges it by mouse and keyboard, is refused a booked venue, and publishes", async ({
    page,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "邻里节" }).click();
    await expect(page.getByRole("heading", { name: "邻里节", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建一届" }).click();
    await page.getByLabel("从往届开始").selectOption({ label: "第十四届美湖邻里节" });
    await page.getByLabel("网址名").fill("meihu-16");
    await page.getByLabel("名称", { exact: true }).fill("第十六届美湖邻里节");
    await page.getByLabel("届次").fill("16");
    await page.getByLabel("第一天").fill("2027-10-16");
    await page.getByLabel("最后一天").fill("2027-10-17");
    await expectAccessible(page);
    await page.getByRole("button", { name: "建立" }).click();
    await expect(page).toHaveURL(/\/dashboard\/festivals\/meihu-16$/);
    await expect(page.getByLabel("场地名称").first()).toHaveValue("多功能厅");
    await expectAccessible(page);

    await page.getByRole("link", { name: "编排节目单" }).click();
    await expect(page.getByRole("heading", { name: "编排节目单 · 第十六届美湖邻里节" })).toBeVisible();
    const chess = page.getByRole("button", { name: itemName("象棋比赛", "棋牌室", "09:30–12:00") });
    await expect(chess).toBeVisible();
    await expectAccessible(page);
    await screen(page, "builder");

    // 1. Drag the chess competition one column left, into the empty activity room.
    const room = page.getByText("二楼活动室", { exact: true });
    const chessRoom = page.getByText("棋牌室", { exact: true }).first();
    const dx = (await room.boundingBox())!.x - (await chessRoom.boundingBox())!.x;
    await dragBy(page, chess, dx, 0);
    await expect(page.getByRole("status").filter({ hasText: "象棋比赛 已移到 二楼活动室 09:30" })).toBeAttached();
    await expect(page.getByRole("button", { name: itemName("象棋比赛", "二楼活动室", "09:30–12:00") })).toBeVisible();

    // 2. Drag the opening 60 minutes later: the square is taken by the tug-of-war, so it is refused.
    const opening = page.getByRole("button", { name: itemName("开幕式", "社区广场", "09:00–09:30") });
    await dragBy(page, opening, 0, 60 * PX_PER_MIN);
    await expect(page.getByRole("status").filter({ hasText: "这个场地在这个时间已经有：拔河比赛。" })).toBeAttached();
    await expect(page.getByRole("button", { name: itemName("开幕式", "社区广场", "09:00–09:30") })).toBeVisible();

    // 3. Resolve it by keyboard instead: half an hour earlier, then ten minutes longer.
    await page.getByRole("button", { name: itemName("开幕式", "社区广场", "09:00–") }).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowUp");
    await expect(page.getByRole("status").filter({ hasText: "开幕式 已移到 社区广场 08:30" })).toBeAttached();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(page.getByRole("status").filter({ hasText: "开幕式 现在到 09:10 结束" })).toBeAttached();

    // 4. Drag the lower edge of the tug-of-war: half an hour longer.
    const tug = page.getByRole("button", { name: itemName("拔河比赛", "社区广场", "09:30–11:30") });
    const edge = tug.locator("xpath=following-sibling::div[1]");
    await dragBy(page, edge, 0, 30 * PX_PER_MIN);
    await expect(page.getByRole("status").filter({ hasText: "拔河比赛 现在到 12:00 结束" })).toBeAttached();

    // 5. Click an empty slot to add an item there.
    await page.getByRole("button", { name: "在 二楼活动室 14:00 新建节目" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "新建节目" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("名称").fill("乒乓球友谊赛");
    await dialog.getByLabel("类型").selectOption({ label: "体育比赛" });
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(
      page.getByRole("button", { name: itemName("乒乓球友谊赛", "二楼活动室", "14:00–15:00") }),
    ).toBeFocused();

    // Conflicts: a person in two places is a warning in the panel.
    await page.getByRole("button", { name: /^乒乓球友谊赛/ }).press("Enter");
    await page.getByRole("dialog").getByLabel("参加的人或团队").fill("刘洋");
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();

    await expect(page.getByText("有修改尚未发布。")).toBeVisible();
    await page.getByRole("button", { name: "发布节目单" }).click();
    // The festival is still a draft: the builder says residents cannot see it yet, not that they do.
    await expect(page.getByText("这一版节目单已经准备好。")).toBeVisible();
    await expect(page.getByText("本届邻里节还是草稿，居民现在还看不到节目单。", { exact: false })).toBeVisible();
    await expect(page.getByText("居民看到的是最新版本。")).toHaveCount(0);
    await screen(page, "builder-after");
    await page.goto("/festivals/meihu-16");
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();

    // Residents see it once the festival itself is published, from the builder itself.
    await page.goto("/dashboard/festivals/meihu-16/programme");
    await page.getByRole("button", { name: "发布本届（居民可见）" }).click();
    await expect(page.getByText("居民看到的是最新版本。")).toBeVisible();
    await expect(page.getByText("本届邻里节还是草稿", { exact: false })).toHaveCount(0);
    await page.goto("/dashboard/festivals");
    const row = page.getByRole("row").filter({ hasText: "第十六届美湖邻里节" });
    // The list counts the real items and knows the programme was published.
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^[1-9]\d*$/);
    await expect(row.getByRole("cell").nth(5)).not.toHaveText("尚未发布");
    await page.goto("/festivals/meihu-16");
    await expect(page.getByRole("link", { name: "乒乓球友谊赛" })).toBeVisible();
    await expect(page.getByText("08:30–09:10")).toBeVisible();

    // The cached pages follow the next publication too, the item's own page included.
    await page.getByRole("link", { name: "开幕式" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "开幕式" })).toBeVisible();
    const itemUrl = page.url();
    await page.goto("/dashboard/festivals/meihu-16/programme");
    await page.getByRole("button", { name: itemName("开幕式", "社区广场", "08:30–09:10") }).press("Enter");
    await page.getByRole("dialog").getByLabel("名称").fill("开幕式暨升旗仪式");
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await page.goto(itemUrl);
    await expect(page.getByRole("heading", { level: 1, name: "开幕式" })).toBeVisible();
    await page.goto("/dashboard/festivals/meihu-16/programme");
    await page.getByRole("button", { name: "发布节目单" }).click();
    await expect(page.getByText("居民看到的是最新版本。")).toBeVisible();
    await page.goto(itemUrl);
    await expect(page.getByRole("heading", { level: 1, name: "开幕式暨升旗仪式" })).toBeVisible();
  });

  test("two organisers edit one item: the second is told, sees the first's change and keeps what they typed", async ({
    page,
    browser,
  }) => {
    await signInAt(page, DEMO.organiser, "/dashboard");
    await page.goto("/dashboard/festivals/meihu-15/programme");
    const other = await (
      await browser.newContext({
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        viewport: { width: 1440, height: 1000 },
      })
    ).newPage();
    await signInAt(other, DEMO.admin, "/dashboard");
    await other.goto("/dashboard/festivals/meihu-15/programme");

    for (const p of [page, other]) {
      await p.getByRole("button", { name: itemName("邻里集市", "社区广场", "") }).press("Enter");
      await expect(p.getByRole("dialog", { name: "节目详情" })).toBeVisible();
    }
    await page.getByRole("dialog").getByLabel("说明").fill("甲：加了理发摊位。");
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();

    await other.getByRole("dialog").getByLabel("名称").fill("邻里集市（乙改）");
    await other.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await expect(other.getByRole("dialog").getByText("别人刚刚改过这个节目。")).toBeVisible();
    await expect(other.getByRole("dialog").getByLabel("名称")).toHaveValue("邻里集市（乙改）");
    await expectAccessible(other);
    await other.getByRole("dialog").getByRole("button", { name: "用我的内容覆盖" }).click();
    await expect(other.getByRole("dialog")).toBeHidden();
    await expect(other.getByRole("button", { name: /^邻里集市（乙改）/ })).toBeVisible();
  });
});

/** A new festival from the 14th's programme (first day: 开幕式 社区广场 09:00–09:30, 拔河比赛 社区广场 09:30–11:30, 象棋比赛 棋牌室 09:30–12:00), opened in the builder. */
async function newFestivalBuilder(page: Page, slug: string, edition: string) {
  await signInAt(page, DEMO.organiser, "/dashboard");
  await page.goto("/dashboard/festivals/new");
  await page.getByLabel("从往届开始").selectOption({ label: "第十四届美湖邻里节" });
  await page.getByLabel("网址名").fill(slug);
  await page.getByLabel("名称", { exact: true }).fill(`第${edition}届美湖邻里节`);
  await page.getByLabel("届次").fill(String(20 + Number(slug.slice(-1))));
  await page.getByLabel("第一天").fill("2028-10-14");
  await page.getByLabel("最后一天").fill("2028-10-15");
  await page.getByRole("button", { name: "建立" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/festivals/${slug}$`));
  await page.goto(`/dashboard/festivals/${slug}/programme`);
  await expect(page.getByRole("button", { name: /^开幕式/ })).toBeVisible();
}

test.describe("the programme builder's pointer", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("shows the start under the pointer over empty grid, and a click opens the item at that time", async ({
    page,
  }) => {
    await newFestivalBuilder(page, "meihu-p1", "二十一");
    const nine = page.getByRole("button", { name: "在 二楼活动室 09:00 新建节目" });
    const box = (await nine.boundingBox())!; // its top edge is the 09:00 line
    const x = box.x + box.width / 2;
    const dialog = page.getByRole("dialog", { name: "新建节目" });
    for (const [dy, time] of [
      [1, "09:00"],
      [5 * PX_PER_MIN + 1, "09:05"],
      [20 * PX_PER_MIN, "09:20"],
    ] as const) {
      await page.mouse.move(x, box.y + dy);
      await expect(page.getByText(`${time} 开始`)).toBeVisible();
      await page.mouse.click(x, box.y + dy);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("开始")).toHaveValue(time);
      await expect(dialog.getByLabel("结束")).toHaveValue(
        time === "09:00" ? "10:00" : time === "09:05" ? "10:05" : "10:20",
      );
      await dialog.getByRole("button", { name: "关闭" }).click();
      await expect(dialog).toBeHidden();
    }
    await page.mouse.move(x, box.y + 5 * PX_PER_MIN + 1);
    await expect(page.getByText("09:05 开始")).toBeVisible();
    await screen(page, "builder-hover");
    // Over an item there is no hint: a click there opens the item.
    await page.getByRole("button", { name: /^拔河比赛/ }).hover();
    await expect(page.getByTestId("slot-hint")).toHaveCount(0);

    // The same in English.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "New item in 二楼活动室 at 09:00" })).toBeVisible();
    await page
      .getByRole("button", { name: "New item in 二楼活动室 at 09:00" })
      .evaluate((el) => el.scrollIntoView({ block: "center" }));
    // The page was just rendered in the other language: until it has hydrated, a pointer over the
    // grid shows nothing, so the pointer comes again until the hint answers.
    await expect(async () => {
      const nineEn = (await page.getByRole("button", { name: "New item in 二楼活动室 at 09:00" }).boundingBox())!;
      await page.mouse.move(nineEn.x + 40, nineEn.y - 40);
      await page.mouse.move(nineEn.x + 40, nineEn.y + 10 * PX_PER_MIN + 2);
      await expect(page.getByText("Starts 09:10")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15000 });
    await screen(page, "builder-hover-en");
  });

  test("a refused move says why beside the item, on screen, until the next action", async ({ page }) => {
    await newFestivalBuilder(page, "meihu-p2", "二十二");
    const opening = page.getByRole("button", { name: itemName("开幕式", "社区广场", "09:00–09:30") });
    await dragBy(page, opening, 0, 60 * PX_PER_MIN);
    const note = page.getByText("没有保存：社区广场 10:00–10:30 已有「拔河比赛」。节目已放回原处。");
    await expect(note).toBeVisible();
    await expect(opening).toBeVisible();
    // Beside the item: just below it, over the same column.
    const [n, o] = [(await note.boundingBox())!, (await opening.boundingBox())!];
    expect(n.y).toBeGreaterThanOrEqual(o.y + o.height - 2);
    expect(n.y).toBeLessThan(o.y + o.height + 60);
    expect(Math.abs(n.x - o.x)).toBeLessThan(20);
    await screen(page, "builder-refused");
    // The next action clears it.
    await page.getByRole("button", { name: /^象棋比赛/ }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(note).toBeHidden();

    await page.getByRole("button", { name: "English" }).click();
    const openingEn = page.getByRole("button", { name: /^开幕式\s*, 社区广场,\s*09:00–09:30/ });
    await dragBy(page, openingEn, 0, 60 * PX_PER_MIN);
    const noteEn = page.getByText(
      "Not saved: 社区广场 is taken 10:00–10:30 by 拔河比赛. The item is back where it was.",
    );
    await expect(noteEn).toBeVisible();
    await screen(page, "builder-refused-en");
    // And it goes by itself after a few seconds.
    await expect(noteEn).toBeHidden({ timeout: 12_000 });
  });

  test("dragging to the bottom edge scrolls the grid, and the item lands where the pointer lets go", async ({
    page,
  }) => {
    await newFestivalBuilder(page, "meihu-p3", "二十三");
    const viewport = page.viewportSize()!;
    const eight = (await page.getByRole("button", { name: "在 社区广场 08:00 新建节目" }).boundingBox())!;
    // The latest time on screen before the drag.
    const lastVisible = 8 * 60 + (viewport.height - eight.y) / PX_PER_MIN;
    const scrolled = () =>
      page.evaluate(
        () => window.scrollY + document.querySelector('[role="region"][aria-label^="编排节目单"]')!.scrollTop,
      );
    const before = await scrolled();

    const tug = page.getByRole("button", { name: itemName("拔河比赛", "社区广场", "09:30–11:30") });
    const box = (await tug.boundingBox())!;
    const x = box.x + box.width / 2;
    const grab = 12;
    await page.mouse.move(x, box.y + grab);
    await page.mouse.down();
    for (let y = box.y + grab; y < viewport.height - 10; y += 40) await page.mouse.move(x, y);
    await page.mouse.move(x, viewport.height - 10);
    // Held near the edge, without moving: the grid keeps scrolling.
    await expect.poll(scrolled).toBeGreaterThan(before + 300);
    // Let go just above the edge zone: lower than anything on screen before the drag.
    const dropY = viewport.height - 100;
    await page.mouse.move(x, dropY);
    const dragged = page.getByRole("button", { name: /^拔河比赛\s*，/ });
    const at = (await dragged.boundingBox())!;
    // The item is under the pointer, where it was grabbed (within one 5-minute step).
    expect(Math.abs(at.y - (dropY - grab))).toBeLessThanOrEqual(5 * PX_PER_MIN);
    await page.mouse.up();
    const status = page.getByRole("status").filter({ hasText: /拔河比赛 已移到 社区广场 \d\d:\d\d/ });
    await expect(status).toBeAttached();
    const [h, m] = (await status.textContent())!
      .match(/(\d\d):(\d\d)/)!
      .slice(1)
      .map(Number);
    expect(h * 60 + m).toBeGreaterThan(lastVisible);
    await expect(
      page.getByRole("button", {
        name: itemName("拔河比赛", "社区广场", `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}–`),
      }),
    ).toBeVisible();
  });

  test("a cancelled pointer, a lost capture or Escape ends the drag and puts the item back", async ({ page }) => {
    await newFestivalBuilder(page, "meihu-p4", "二十四");
    const opening = () => page.getByRole("button", { name: /^开幕式\s*，/ });
    const start = async () => {
      const box = (await opening().boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + 10];
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) await page.mouse.move(x, y + i * 20);
      await expect(opening()).toHaveAccessibleName(/^开幕式\s*，社区广场，\s*10:1/);
      return { x, y };
    };
    for (const end of ["pointercancel", "lostpointercapture", "Escape"] as const) {
      const { x, y } = await start();
      if (end === "Escape") await page.keyboard.press("Escape");
      else if (end === "pointercancel") await opening().dispatchEvent("pointercancel", { pointerId: 1, bubbles: true });
      else {
        await opening().evaluate((el) => el.releasePointerCapture(1));
        // The browser tells of a released capture with the next pointer event.
        await page.mouse.move(x, y + 121);
      }
      await expect(opening()).toHaveAccessibleName(itemName("开幕式", "社区广场", "09:00–09:30"));
      // Nothing is armed: moving on and letting go neither moves nor saves it.
      await page.mouse.move(x + 5, y + 200);
      await page.mouse.up();
      await expect(opening()).toHaveAccessibleName(itemName("开幕式", "社区广场", "09:00–09:30"));
      await expect(page.getByRole("dialog")).toHaveCount(0);
    }
    await expect(page.getByRole("status").filter({ hasText: "开幕式 已移到" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: itemName("开幕式", "社区广场", "09:00–09:30") })).toBeVisible();
  });
});
