import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, failOnCspViolations, shooter } from "./support";

// Senior mode (长辈模式) on the pages an elderly resident reads most, and "read aloud". The mode is
// a class on <html> that a one-line script in <head> sets from a cookie, so the cached HTML is
// the same for everyone and the first paint is already large; the page's CSP must allow it.
failOnCspViolations();

const FESTIVAL = "/festivals/meihu-15";
const shot = shooter("test-results/screens/senior-mode");

/** A phone (or a desktop) whose pages note the class on <html> the moment the document is parsed. */
async function device(browser: Browser, baseURL: string, locale: "zh-CN" | "en", width = 360) {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: "Asia/Shanghai",
    viewport: { width, height: width === 360 ? 740 : 900 },
    ...(width === 360 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  // Registered before any of the page's own scripts; React has not run yet at DOMContentLoaded
  // (its scripts are async), so a class seen here came from the head script, before first paint.
  await context.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { classAtParse: string }).classAtParse = document.documentElement.className;
    });
  });
  return context;
}

const classAtParse = (page: Page) =>
  page.evaluate(() => (window as unknown as { classAtParse?: string }).classAtParse ?? "");

/** The resident's base text size (the shell's), in px. */
const baseFontSize = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".site-shell")!).fontSize));

async function signInResident(page: Page) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, phone: DEMO.resident, password: DEMO_PASSWORD, json: "true" },
  });
  expect(res.ok()).toBe(true);
}

/** Home, the programme and one of its items, a registration form, a wish and the stars page. */
async function fivePages(page: Page) {
  const html = await (await page.request.get("/wishes")).text();
  const wish = html.match(/href="(\/wishes\/[0-9a-f-]{36})"/)![1];
  await page.goto(FESTIVAL);
  const item = await page.getByRole("link", { name: "开幕式", exact: true }).first().getAttribute("href");
  return {
    home: "/",
    programme: FESTIVAL,
    item: item!,
    register: `${FESTIVAL}/register/performer`,
    wish,
    stars: `${FESTIVAL}/stars`,
  };
}

test("senior mode at 360 px: switched on from the header, large from the first paint on five pages, kept over a reload, and off again", async ({
  browser,
  baseURL,
}) => {
  // The switch changes nothing in the HTML: a cached page serves every reader alike.
  const plain = await (await fetch(`${baseURL}/`, { headers: { cookie: "NEXT_LOCALE=zh-CN" } })).text();
  const senior = await (await fetch(`${baseURL}/`, { headers: { cookie: "NEXT_LOCALE=zh-CN; senior=1" } })).text();
  expect(senior.match(/<html[^>]*>/)![0]).toBe(plain.match(/<html[^>]*>/)![0]);
  expect(plain).not.toMatch(/<html[^>]*class=/);

  const context = await device(browser, baseURL!, "zh-CN");
  const page = await context.newPage();
  await signInResident(page);
  const pages = await fivePages(page);

  await page.goto("/");
  expect(await baseFontSize(page)).toBe(18);
  const header = page.getByRole("banner");
  await header.getByRole("button", { name: "长辈模式", pressed: false }).click();
  const on = header.getByRole("button", { name: "长辈模式", pressed: true });
  await expect(on).toBeFocused();
  await expect(page.locator("html")).toHaveClass(/\bsenior\b/);
  expect(await baseFontSize(page)).toBeCloseTo(22, 1);
  expect((await context.cookies()).find((c) => c.name === "senior")?.value).toBe("1");

  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await classAtParse(page), `${path} at first paint`).toMatch(/\bsenior\b/);
    expect(await baseFontSize(page), path).toBeCloseTo(22, 1);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(360);
    // No light-grey text: what was muted is now near-black brown.
    const muted = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--color-muted"),
    );
    expect(muted.trim(), path).toBe("#3b2c26");
    await expectAccessible(page);
    await shot(page, `${name}-zh-CN`);
  }

  // The programme item's controls are at least 56 px high.
  await page.goto(pages.item);
  for (const target of await page.locator("main a.inline-flex, main button:visible, header button:visible").all()) {
    const box = await target.boundingBox();
    if (box) expect(box.height, await target.innerText()).toBeGreaterThanOrEqual(56);
  }

  // Read aloud shows only where the browser has a Chinese voice; headless Chromium here has none.
  const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => /^(zh|cmn)/i.test(v.lang)).length);
  const read = page.getByRole("button", { name: "读给我听" });
  if (voices === 0) await expect(read).toBeHidden();
  else await expect(read).toBeVisible();

  await page.reload();
  expect(await classAtParse(page)).toMatch(/\bsenior\b/);
  await page.getByRole("banner").getByRole("button", { name: "长辈模式", pressed: true }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bsenior\b/);
  await expect(page.getByRole("banner").getByRole("button", { name: "长辈模式", pressed: false })).toBeFocused();
  expect(await baseFontSize(page)).toBe(18);
  await page.reload();
  expect(await classAtParse(page)).not.toMatch(/\bsenior\b/);
  await context.close();

  // The same pages in English at 360 px and at a desktop's 1280 px, for the screenshots (the
  // markup is the one axe passed above).
  for (const [locale, width] of [
    ["en", 360],
    ["zh-CN", 1280],
  ] as const) {
    const ctx = await device(browser, baseURL!, locale, width);
    await ctx.addCookies([{ name: "senior", value: "1", url: baseURL! }]);
    const p = await ctx.newPage();
    await signInResident(p);
    for (const [name, path] of Object.entries(pages)) {
      await p.goto(path);
      await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await p.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(width);
      await shot(p, `${name}-${locale}`);
    }
    if (locale === "en")
      await expect(p.getByRole("banner").getByRole("button", { name: "Senior mode", pressed: true })).toBeVisible();
    await ctx.close();
  }
});

test("read aloud: where the browser has a voice in the page's language the button reads the title and text, a second tap stops, and leaving the page stops it", async ({
  browser,
  baseURL,
}) => {
  const context = await device(browser, baseURL!, "zh-CN");
  const page = await context.newPage();
  const pages = await fivePages(page);
  await page.goto(pages.item);
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  const titleTop = (await page.getByRole("heading", { level: 1 }).boundingBox())!.y;
  await context.close();

  // The browser's speech, stood in for: one Chinese voice, and a record of what it was asked to say.
  const spoken = await device(browser, baseURL!, "zh-CN");
  await spoken.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { speechLog: string[] }).speechLog = log;
    const voice = { lang: "zh-CN", name: "test voice", localService: true, default: true, voiceURI: "test" };
    class Utterance extends EventTarget {
      text: string;
      lang = "";
      voice: unknown = null;
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    let current: Utterance | null = null;
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance });
    speechSynthesis.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
    speechSynthesis.speak = (u) => {
      current = u as unknown as Utterance;
      log.push(`speak ${u.lang} ${(u.voice as unknown as typeof voice)?.name}: ${u.text}`);
    };
    speechSynthesis.cancel = () => {
      log.push("cancel");
      const u = current;
      current = null;
      u?.onerror?.();
    };
  });
  const p = await spoken.newPage();
  await p.goto(pages.item);
  const read = p.getByRole("button", { name: "读给我听" });
  await expect(read).toBeVisible();
  // Its place was kept from the first paint: nothing moved when it appeared.
  expect((await p.getByRole("heading", { level: 1 }).boundingBox())!.y).toBe(titleTop);
  const log = () => p.evaluate(() => (window as unknown as { speechLog: string[] }).speechLog);

  await read.click();
  await expect(p.getByRole("button", { name: "停止朗读" })).toBeVisible();
  expect((await log()).at(-1)).toMatch(new RegExp(`^speak zh-CN test voice: ${title}。`));
  await p.getByRole("button", { name: "停止朗读" }).click();
  await expect(read).toBeVisible();
  expect((await log()).at(-1)).toBe("cancel");

  // Reading, then back to the programme: the reading ends with the page.
  await read.click();
  const before = (await log()).length;
  await p.getByRole("link", { name: "返回节目单" }).click();
  await expect(p).toHaveURL(new RegExp(`${FESTIVAL}$`));
  expect((await log()).slice(before)).toContain("cancel");

  // On a wish and on the stars page's candidates too.
  await p.goto(pages.wish);
  await expect(p.getByRole("button", { name: "读给我听" })).toBeVisible();
  await p.goto(pages.stars);
  await expect(p.getByRole("button", { name: "读给我听" }).first()).toBeVisible();
  await spoken.close();
});

test("without JavaScript the switch, which could not change the page, is not offered", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "长辈模式" })).toHaveCount(0);
  await context.close();
});
