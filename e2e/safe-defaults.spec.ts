import { expect, test } from "@playwright/test";
import { DEMO, failOnCspViolations, signIn } from "./support";

failOnCspViolations();

const PAGES = {
  // Rendered per request.
  "sign-in": "/sign-in",
  // Published and cached whole (ISR): the headers come with the cached copy too.
  programme: "/festivals/meihu-15",
};

test.describe("safe defaults", () => {
  for (const [name, path] of Object.entries(PAGES))
    test(`the ${name} page answers with a Content-Security-Policy and a Permissions-Policy`, async ({ request }) => {
      await request.get(path);
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const h = res.headers();
      const csp = h["content-security-policy"];
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toContain("unsafe-eval");
      expect(h["permissions-policy"]).toMatch(/(^|, )camera=\(\)/);
      expect(h["permissions-policy"]).toMatch(/(^|, )microphone=\(\)/);
      expect(h["permissions-policy"]).toMatch(/(^|, )geolocation=\(\)/);
      // Served over plain HTTP here: no HSTS, which would pin a site that has no HTTPS.
      expect(h["strict-transport-security"]).toBeUndefined();
      if (name === "programme") expect(h["x-nextjs-cache"] ?? h["x-nextjs-prerender"]).toBeTruthy();
    });

  test("behind a TLS-terminating proxy the answer carries Strict-Transport-Security", async ({ request }) => {
    const res = await request.get(PAGES.programme, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  test("a sign-in link cannot send anyone to another site", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=/%09/evil.example");
    await page.getByLabel("手机号").fill(DEMO.resident);
    await page.getByLabel("密码", { exact: true }).fill("linli-demo-2026");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/me$/);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });

  test("the audit log records the socket's address, not the X-Forwarded-For a client made up", async ({
    browser,
    page,
  }) => {
    const guesser = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6" } });
    const guess = await guesser.newPage();
    await guess.goto("/sign-in");
    await guess.getByLabel("手机号").fill(DEMO.unverified);
    await guess.getByLabel("密码", { exact: true }).fill("not the password");
    await guess.getByRole("button", { name: "登录", exact: true }).click();
    await expect(guess.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
    await guesser.close();

    await signIn(page, DEMO.organiser, undefined, /\/dashboard$/);
    await page.goto(`/dashboard/audit?actor=${DEMO.unverified}&outcome=refused`);
    const row = page.getByRole("row").filter({ hasText: DEMO.unverified }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText(/127\.0\.0\.1|::1/);
    await expect(row).not.toContainText("6.6.6.6");
  });
});
