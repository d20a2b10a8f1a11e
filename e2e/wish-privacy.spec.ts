import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signInAt, lettersOnly } from "./support";

// Beneficiaries stay private: their name, phone and address reach organisers and the volunteer
// holding the claim, nobody else. Two wishes are written down for beneficiaries with marker names,
// phones and addresses; one is claimed by a volunteer. Then every page a visitor can reach, and
// every page another volunteer can reach, is fetched by following links from the public starting
// points and the volunteer's own pages — and none may contain a marker. The claimant's own page
// must contain theirs: the control that shows the markers would be found.

const run = lettersOnly(Date.now().toString(36).slice(-5));
const stamp = String(Date.now() % 10_000_000).padStart(7, "0");
const MARKED = [
  {
    name: `隐私甲${run}`,
    phone: `1359${stamp}`,
    address: `隐私路${run}号 甲座`,
    alias: `${run}甲奶奶`,
    title: `一双棉拖鞋${run}`,
  },
  {
    name: `隐私乙${run}`,
    phone: `1358${stamp}`,
    address: `隐私路${run}号 乙座`,
    alias: `${run}乙爷爷`,
    title: `陪我去银行${run}`,
  },
];
const MARKERS = MARKED.flatMap((m) => [m.name, m.phone, m.address]);
const CLAIMANT = "13955500294";
const OTHER = "13955500252";

/** Organisers' pages: refused to everyone else, and their data must not travel with the refusal. */
const DASHBOARD = [
  "/dashboard",
  "/dashboard/wishes",
  "/dashboard/wishes?status=claimed",
  "/dashboard/wishes?status=open",
  "/dashboard/points",
  "/dashboard/residents",
  "/dashboard/audit",
  "/dashboard/households",
  "/dashboard/festivals/meihu-15/registrations",
];
/** What only organisers may see there: a demo beneficiary, the claimant's mobile number. */
const STAFF_ONLY = ["周桂芳", "13700001001", CLAIMANT];

const PUBLIC_STARTS = [
  "/",
  "/wishes",
  "/points",
  "/festivals/meihu-15",
  "/festivals/meihu-14",
  "/festivals/meihu-15/stars",
  "/festivals/meihu-15/stars/results",
  "/festivals/meihu-14/stars/results",
  "/api/health",
];
const VOLUNTEER_STARTS = [...PUBLIC_STARTS, "/me", "/me/wishes", "/me/points", "/api/me/unread", "/api/auth/session"];

async function writeWish(page: Page, m: (typeof MARKED)[number]) {
  await page.goto("/dashboard/wishes/new");
  await page.getByLabel("姓名").fill(m.name);
  await page.getByLabel("手机号").fill(m.phone);
  await page.getByLabel("年龄").fill("80");
  await page.getByLabel("困难情况").selectOption({ label: "独居老人" });
  await page.getByLabel("地址").fill(m.address);
  await page.getByLabel("标题").fill(m.title);
  await page.getByLabel("心愿故事").fill("一个人住，想请邻居帮个小忙。");
  await page.getByLabel("类别").selectOption({ label: m.title.startsWith("陪") ? "陪伴" : "物品" });
  await page.getByLabel("价值（元）").fill("40");
  await page.getByLabel("心愿墙上的称呼").fill(m.alias);
  await page.getByRole("button", { name: "登记并上墙" }).click();
  await expect(page.getByText(`已登记：“${m.title}”已在心愿墙上。`)).toBeVisible();
}

/**
 * Fetches pages breadth first from the starting points, following every same-site link (and
 * the images they show), up to `limit` addresses; returns each address with its body as text.
 */
async function crawl(request: APIRequestContext, starts: string[], limit = 400): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...starts];
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await request.get(path, { maxRedirects: 5 });
    const body = await res.text();
    seen.set(path, body);
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const [, raw] of body.matchAll(/(?:href|src)="(\/[^"#]*)"/g)) {
      const next = raw.replaceAll("&amp;", "&");
      // Not the organisers' pages (refused anyway) or Next's own files.
      if (next.startsWith("/dashboard") || next.startsWith("/_next") || next.startsWith("/api/auth/signout")) continue;
      if (!seen.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  return seen;
}

/**
 * Each dashboard address fetched without following its redirect: the answer itself must hold
 * nothing, and its status must say what happened (200 for staff, 403 for another signed-in
 * person, a redirect to sign in for a visitor).
 */
async function dashboardLeaks(request: APIRequestContext, status: number): Promise<string[]> {
  const found: string[] = [];
  for (const path of DASHBOARD) {
    const res = await request.get(path, { maxRedirects: 0 });
    if (res.status() !== status) found.push(`${path} answered ${res.status()}`);
    const body = await res.text();
    for (const m of [...MARKERS, ...STAFF_ONLY]) if (body.includes(m)) found.push(`${path} contains ${m}`);
  }
  return found;
}

function leaks(pages: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [path, body] of pages) for (const m of MARKERS) if (body.includes(m)) found.push(`${path} contains ${m}`);
  return found;
}

test("no beneficiary's name, phone or address on any page a visitor or another volunteer can reach", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signInAt(page, DEMO.organiser, "/dashboard");
  for (const m of MARKED) await writeWish(page, m);

  // The second wish is claimed by a volunteer, who then holds its contact.
  const claimantContext = await browser.newContext({ baseURL, locale: "zh-CN" });
  const claimant = await claimantContext.newPage();
  await signInAt(claimant, CLAIMANT, "/me");
  await claimant.goto("/wishes?category=companionship");
  const href = await claimant.getByRole("link", { name: `查看心愿：${MARKED[1].title}` }).getAttribute("href");
  const claimed = await claimant.request.post("/api/wishes/claims", { data: { wishId: href!.split("/").pop() } });
  expect(await claimed.json()).toMatchObject({ ok: true });

  // Control: an organiser's dashboard does hold what the others must not see.
  const staffView = await dashboardLeaks(page.request, 200);
  expect(staffView.some((l) => l.includes(MARKED[1].name))).toBe(true);
  expect(staffView.some((l) => l.includes(CLAIMANT))).toBe(true);

  // Control: the claimant's own page shows their beneficiary (so a leak would be seen), and only theirs.
  const own = await (await claimant.request.get("/me/wishes")).text();
  expect(own).toContain(MARKED[1].name);
  expect(own).toContain(MARKED[1].phone);
  expect(own).not.toContain(MARKED[0].name);
  await claimantContext.close();

  // A visitor.
  const visitorContext = await browser.newContext({ baseURL, locale: "zh-CN" });
  const visitorPages = await crawl(visitorContext.request, PUBLIC_STARTS);
  expect(visitorPages.size).toBeGreaterThan(40);
  for (const m of MARKED)
    expect(
      [...visitorPages.values()].some((b) => b.includes(m.title)),
      `the visitor reached ${m.title}`,
    ).toBe(true);
  expect(leaks(visitorPages)).toEqual([]);
  expect(await dashboardLeaks(visitorContext.request, 307)).toEqual([]);
  await visitorContext.close();

  // Another volunteer, signed in, in both languages.
  const otherContext = await browser.newContext({ baseURL, locale: "zh-CN" });
  const other = await otherContext.newPage();
  await signInAt(other, OTHER, "/me");
  const otherPages = await crawl(otherContext.request, VOLUNTEER_STARTS);
  expect(otherPages.size).toBeGreaterThan(40);
  expect([...otherPages.keys()].filter((p) => /^\/wishes\/[0-9a-f-]{36}$/.test(p)).length).toBeGreaterThan(5);
  expect(leaks(otherPages)).toEqual([]);
  expect(await dashboardLeaks(otherContext.request, 403)).toEqual([]);
  await otherContext.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  const english = await crawl(otherContext.request, ["/wishes", "/me", "/me/wishes", "/me/points", "/points"], 60);
  expect(leaks(english)).toEqual([]);
  await otherContext.close();
});
