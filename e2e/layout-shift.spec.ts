import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support";

// The shared shell (header, the account links it fetches after load, the language switch) must
// not move the page once it is shown: every page has it, so any shift it makes counts on all.

const PAGES = ["/", "/festivals/meihu-15", "/wishes", "/sign-in"];
const LOCALES = ["zh-CN", "en"] as const;

/**
 * A phone like Lighthouse's mobile run. (At 412 px the account links fitted beside the logo until
 * the session arrived and then did not; at 360 px they wrapped either way, so it says less.)
 */
const DEVICES = [{ width: 412, height: 823, deviceScaleFactor: 1.75 }];

async function phone(
  browser: Browser,
  baseURL: string,
  device: (typeof DEVICES)[number],
  locale: (typeof LOCALES)[number],
) {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: "Asia/Shanghai",
    viewport: { width: device.width, height: device.height },
    deviceScaleFactor: device.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  const page = await context.newPage();
  // A phone's network: the session (and with it the account links) arrives well after the page is shown.
  await page.route("**/api/auth/session", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  return page;
}

/** The layout shifts since the page started, not caused by input, with what moved. */
async function layoutShift(page: Page, path: string) {
  await page.goto(path);
  // Network idle comes after the slowed session answer; two frames more and what it renders is laid out.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        let total = 0;
        const moved: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          }[]) {
            if (entry.hadRecentInput) continue;
            total += entry.value;
            for (const s of entry.sources)
              moved.push(
                `${entry.value.toFixed(3)} ${s.node instanceof Element ? s.node.outerHTML.slice(0, 90) : s.node?.nodeName} ${JSON.stringify([s.previousRect.y, s.previousRect.height])}→${JSON.stringify([s.currentRect.y, s.currentRect.height])}`,
              );
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve({ total, moved }), 100);
      }),
  );
}

for (const locale of LOCALES)
  for (const device of DEVICES) {
    test(`the shell moves nothing after a page is shown, signed out and signed in (${locale}, ${device.width} px)`, async ({
      browser,
      baseURL,
    }) => {
      const page = await phone(browser, baseURL!, device, locale);
      for (const path of PAGES) {
        const { total, moved } = await layoutShift(page, path);
        expect(total, `layout shift on ${path}, signed out: ${moved.join("\n")}`).toBeLessThan(0.01);
      }

      const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
      const res = await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, phone: DEMO.resident, password: DEMO_PASSWORD, json: "true" },
      });
      expect(res.ok()).toBe(true);
      await page.goto("/me");
      await expect(page.getByRole("link", { name: /王秀英/ }).first()).toBeVisible();
      for (const path of PAGES.filter((p) => p !== "/sign-in")) {
        const { total, moved } = await layoutShift(page, path);
        expect(total, `layout shift on ${path}, signed in: ${moved.join("\n")}`).toBeLessThan(0.01);
      }
      await page.context().close();
    });
  }
