import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { CACHED_PAGES, renewalsOf, type Change, type Renewal } from "./invalidation";

const APP = join(process.cwd(), "app");

/** Every page file under app/ as its route (route groups included), with its source. */
function pages(dir = APP): { route: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pages(path);
    if (e.name !== "page.tsx") return [];
    const route = "/" + relative(APP, dir).split(sep).join("/");
    return [{ route: route === "/" ? "" : route, source: readFileSync(path, "utf8") }];
  });
}

/** A page Next keeps and serves again: static or timed, by segment config or by "use cache". */
const isCached = (source: string) =>
  !/export const dynamic = "force-dynamic"/.test(source) &&
  (/export const revalidate = (?!0\b)/.test(source) ||
    /["']use cache["']/.test(source) ||
    /export (async )?function generateStaticParams/.test(source));

const cachedRoutes = pages()
  .filter((p) => isCached(p.source))
  .map((p) => p.route);

const SLUG = "spring-fair";
/** Each change as an action makes it (a new kind of change needs its line here). */
const EXAMPLES: Record<Change, () => Promise<Renewal[]>> = {
  festivalCreated: () => renewalsOf("festivalCreated"),
  festivalChanged: () => renewalsOf("festivalChanged", SLUG),
  venuesChanged: () => renewalsOf("venuesChanged", SLUG),
  programmePublished: () => renewalsOf("programmePublished", SLUG),
  registrationsReviewed: () => renewalsOf("registrationsReviewed"),
  registrationChanged: () => renewalsOf("registrationChanged"),
  notificationsRead: () => renewalsOf("notificationsRead"),
  householdMembersChanged: () => renewalsOf("householdMembersChanged"),
  nominationDeclined: () => renewalsOf("nominationDeclined"),
  starsChanged: () => renewalsOf("starsChanged", SLUG),
  competitionChanged: () => renewalsOf("competitionChanged"),
  wishesChanged: () => renewalsOf("wishesChanged"),
  pointsChanged: () => renewalsOf("pointsChanged"),
  shiftServed: () => renewalsOf("shiftServed"),
  pointsPrivacyChanged: () => renewalsOf("pointsPrivacyChanged"),
  profileChanged: () => renewalsOf("profileChanged"),
  householdsChanged: () => renewalsOf("householdsChanged"),
  residentChanged: () => renewalsOf("residentChanged"),
  postsChanged: () => renewalsOf("postsChanged"),
  patrolChanged: () => renewalsOf("patrolChanged"),
};

const segments = (path: string) => path.split("/").filter(Boolean);
const isGroup = (s: string) => s.startsWith("(");
const isParam = (s: string) => s.startsWith("[");

/**
 * The languages in which a renewal reaches a page, as Next matches it (next/cache revalidatePath
 * against the implicit tags of a cached page): a pattern names the page's file or a layout above
 * it, route groups included, and reaches every language; a literal path is one address, whose
 * route groups are not part of it.
 */
function reaches(r: Renewal, route: string): string[] {
  const file = segments(route);
  if (r.type === "page") return r.path === route ? [...LOCALES] : [];
  if (r.type === "layout") {
    const prefix = segments(r.path);
    return prefix.every((s, i) => file[i] === s) ? [...LOCALES] : [];
  }
  const address = segments(r.path);
  const pattern = file.filter((s) => !isGroup(s));
  if (address.length !== pattern.length) return [];
  if (!pattern.every((s, i) => isParam(s) || s === address[i])) return [];
  return pattern[0] === "[locale]" ? [address[0]] : [...LOCALES];
}

/** The changes whose renewals reach the page in every language. */
async function changesRenewing(route: string): Promise<Change[]> {
  const found: Change[] = [];
  for (const [change, example] of Object.entries(EXAMPLES) as [Change, () => Promise<Renewal[]>][]) {
    const locales = new Set((await example()).flatMap((r) => reaches(r, route)));
    if (LOCALES.every((l) => locales.has(l))) found.push(change);
  }
  return found;
}

describe("which pages each change renews", () => {
  it("finds the cached pages under app/", () => {
    expect(cachedRoutes).toContain("/[locale]/(public)/festivals/[slug]");
    expect(cachedRoutes).not.toContain("/[locale]/(public)/wishes");
  });

  it("lists every cached page, and only cached pages", () => {
    expect([...cachedRoutes].sort()).toEqual(Object.keys(CACHED_PAGES).sort());
  });

  it.each(Object.entries(CACHED_PAGES))(
    "%s is renewed, in every language, by exactly the changes listed",
    async (route, listed) => {
      expect((await changesRenewing(route)).sort()).toEqual([...listed].sort());
    },
  );

  it("names no public address for a slug that is not one", async () => {
    expect(await renewalsOf("starsChanged", "../../x")).toEqual([
      { path: "/[locale]/dashboard/festivals/[slug]", type: "layout" },
    ]);
  });
});
