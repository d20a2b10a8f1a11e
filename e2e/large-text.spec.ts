import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support";

// Phones set a larger font for elderly owners (WeChat's browser follows it). Every page a
// resident reads must still read at 200 % on a 360 px phone: nothing sideways, no column one or
// two characters wide, nothing running out of its box, and every target still at least 44 px.

const WIDTH = 360;
const FESTIVAL = "/festivals/meihu-15";
/** The last festival: its competitions are played and its stars chosen. */
const LAST = "/festivals/meihu-14";
const ROLES = ["performer", "backstage", "athlete", "player"] as const;

/** A phone at 360 px with the root font at 200 % from the first byte on. */
async function largeTextPhone(browser: Browser, locale: "zh-CN" | "en", baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: "Asia/Shanghai",
    viewport: { width: WIDTH, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  await context.addInitScript(() => {
    const apply = () => document.documentElement?.style.setProperty("font-size", "200%");
    apply();
    if (!document.documentElement)
      new MutationObserver((_, o) => document.documentElement && (apply(), o.disconnect())).observe(document, {
        childList: true,
      });
    document.addEventListener("DOMContentLoaded", apply);
  });
  return context.newPage();
}

interface Problem {
  what: "overflow" | "narrow" | "clipped" | "small-target";
  where: string;
  detail: string;
}

/** What the page does wrong at this width and text size, read from the laid-out page. */
async function layoutProblems(page: Page): Promise<{ scrollWidth: number; problems: Problem[] }> {
  return page.evaluate(() => {
    const problems: { what: "overflow" | "narrow" | "clipped" | "small-target"; where: string; detail: string }[] = [];
    const name = (el: Element) => {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
      const cls = typeof el.className === "string" ? el.className.split(" ").slice(0, 3).join(".") : "";
      return `<${el.tagName.toLowerCase()}${cls ? "." + cls : ""}> "${text}"`;
    };
    const hidden = (el: Element) => {
      const s = getComputedStyle(el);
      if (s.display === "none" || s.visibility === "hidden") return true;
      // Visually hidden for screen readers only (sr-only): clipped to a pixel on purpose.
      for (let e: Element | null = el; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        const cs = getComputedStyle(e);
        if ((r.width <= 1 || r.height <= 1) && cs.overflow !== "visible") return true;
        if (cs.clip !== "auto" && cs.position === "absolute") return true;
        if (e.closest("[aria-hidden='true'], template, script, style, head")) return true;
      }
      return el.getClientRects().length === 0;
    };

    // 1. Text set in a column only one or two characters wide: a text node that spans several
    //    lines none of which is wider than 2.5 characters of its font.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").replace(/\s+/g, "");
      const parent = node.parentElement;
      if (!parent || [...text].length < 2 || hidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top / 4))).size;
      if (lines < 2) continue;
      // The column is the box the lines are laid in: the nearest ancestor that is not inline (a
      // short phrase that merely starts near the end of a line is not a narrow column).
      let box: Element = parent;
      while (
        box.parentElement &&
        getComputedStyle(box).display.startsWith("inline") &&
        getComputedStyle(box).display !== "inline-block" &&
        getComputedStyle(box).display !== "inline-flex"
      )
        box = box.parentElement;
      const bs = getComputedStyle(box);
      const column = box.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
      const em = parseFloat(getComputedStyle(parent).fontSize);
      if (column < 2.5 * em)
        problems.push({
          what: "narrow",
          where: name(box),
          detail: `${lines} lines in a column ${Math.round(column)} px wide at ${em} px type`,
        });
    }

    // 2. Content that runs out of its box (visible overflow) or is cut off (hidden overflow).
    //    Boxes that scroll on purpose (overflow auto/scroll) are left alone.
    for (const el of document.body.querySelectorAll("*")) {
      const s = getComputedStyle(el);
      if (s.display === "inline" || s.display === "contents" || hidden(el)) continue;
      if (
        ["svg", "path", "img", "video", "canvas", "iframe", "input", "select", "textarea", "option"].includes(
          el.tagName.toLowerCase(),
        )
      )
        continue;
      const overX = el.scrollWidth - el.clientWidth;
      const overY = el.scrollHeight - el.clientHeight;
      const scrollsX = s.overflowX === "auto" || s.overflowX === "scroll";
      const scrollsY = s.overflowY === "auto" || s.overflowY === "scroll";
      if (el.clientWidth > 0 && overX > 1 && !scrollsX)
        problems.push({
          what: s.overflowX === "visible" ? "overflow" : "clipped",
          where: name(el),
          detail: `content ${el.scrollWidth} px in a box ${el.clientWidth} px wide`,
        });
      // Text cut to a few lines with an ellipsis on purpose (the whole text is a tap away) is not clipped.
      const clamped = s.webkitLineClamp !== "none" && s.webkitLineClamp !== "";
      if (el.clientHeight > 0 && overY > 1 && !scrollsY && s.overflowY !== "visible" && !clamped)
        problems.push({
          what: "clipped",
          where: name(el),
          detail: `content ${el.scrollHeight} px in a box ${el.clientHeight} px high`,
        });
    }

    // 3. Targets: at least 44 px each way. A checkbox or radio counts with its label, which is
    //    what a finger presses.
    for (const el of document.body.querySelectorAll("a[href], button, input, select, textarea, summary")) {
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      if (hidden(el)) continue;
      const target =
        el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")
          ? (el.closest("label") ?? el)
          : el;
      const r = target.getBoundingClientRect();
      const inlineInText =
        getComputedStyle(el).display === "inline" &&
        el.parentElement &&
        (el.parentElement.textContent ?? "").trim() !== (el.textContent ?? "").trim();
      // A link inside a sentence is exempt from the width (WCAG 2.5.8), not from the height.
      if (r.height < 44 || (!inlineInText && r.width < 44))
        problems.push({
          what: "small-target",
          where: name(target),
          detail: `${Math.round(r.width)}×${Math.round(r.height)} px`,
        });
    }

    return { scrollWidth: document.documentElement.scrollWidth, problems };
  });
}

/** Opens a page at 200 % text, sets it again after load (as a browser's setting would), and checks it. */
async function expectReadable(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), path).toBe("32px");
  const { scrollWidth, problems } = await layoutProblems(page);
  // Mobile emulation widens the layout viewport to fit what overflows: compare with the device.
  // Every page is checked before the test fails, so one run lists everything wrong.
  expect.soft(scrollWidth, `${path} is laid out wider than the phone`).toBeLessThanOrEqual(WIDTH);
  expect.soft(problems, `${path} at 200 % text`).toEqual([]);
}

async function signIn(page: Page, phone: string) {
  const response = await page.request.get("/api/auth/csrf");
  const { csrfToken } = await response.json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, phone, password: DEMO_PASSWORD, json: "true" },
  });
  expect(res.ok()).toBe(true);
}

/** Links on a page whose address matches, so the test needs no ids of its own. */
async function firstHref(page: Page, path: string, pattern: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

// Chinese, the language of nearly every resident, and English, whose long words ("Neighbourhood"
// at 200 %) must break inside buttons, headings and choices rather than widen the page.
for (const locale of ["zh-CN", "en"] as const) {
  test.describe(`200 % text on a 360 px phone (${locale})`, () => {
    test("every public page reads", async ({ browser, baseURL }) => {
      const page = await largeTextPhone(browser, locale, baseURL!);
      const item = await firstHref(page, FESTIVAL, /\/items\/[^/]+$/);
      const competition = await firstHref(page, `${LAST}/competitions`, /\/competitions\/[^/]+$/);
      for (const path of [
        "/",
        FESTIVAL,
        `${FESTIVAL}/venues`,
        item,
        LAST,
        `${LAST}/competitions`,
        competition,
        `${LAST}/stars/results`,
        `${LAST}/stars/receipts`,
        "/wishes",
        "/points",
        "/posts",
        "/sign-in",
        "/sign-up",
        "/forgot-password",
      ])
        await expectReadable(page, path);
      await page.context().close();
    });

    test("every page of a signed-in resident reads", async ({ browser, baseURL }) => {
      const page = await largeTextPhone(browser, locale, baseURL!);
      await signIn(page, DEMO.resident);
      const wish = await firstHref(page, "/wishes", /^\/wishes\/[0-9a-f-]{36}$/);
      for (const path of [
        "/me",
        "/me/wishes",
        "/me/points",
        `${FESTIVAL}/register`,
        ...ROLES.map((r) => `${FESTIVAL}/register/${r}`),
        `${FESTIVAL}/stars`,
        "/wishes/new",
        wish,
        "/referee",
        "/posts/patrol/join",
        "/me/posts",
      ])
        await expectReadable(page, path);
      await page.context().close();
    });

    test("a volunteer's pages read", async ({ browser, baseURL }) => {
      const page = await largeTextPhone(browser, locale, baseURL!);
      await signIn(page, DEMO.volunteer);
      const wish = await firstHref(page, "/wishes", /^\/wishes\/[0-9a-f-]{36}$/);
      // 刘洋 leads tonight's patrol: his posts, and asking a swap of a coming day.
      const swap = await firstHref(page, "/me/posts", /^\/me\/posts\/swap\/[0-9a-f-]{36}$/);
      for (const path of ["/me", "/me/wishes", wish, "/me/posts", swap, "/me/hours"]) await expectReadable(page, path);
      await page.context().close();
    });
  });
}
