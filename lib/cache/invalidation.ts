import "server-only";
import { revalidatePath } from "next/cache";
import { LOCALES } from "@/lib/i18n/config";

// Which pages each kind of change renews, in one place. A literal path renews that one address
// (a cached page in each language is its own address: /zh-CN/…, /en/…); a route pattern renews
// every page of that page or layout file. Next matches a pattern against the file's path as it
// is under app/, route groups included, so a pattern without its group reaches no grouped page.
// A cached page is listed in CACHED_PAGES with the changes that alter it; the test beside this
// file finds every cached page under app/ and checks that those changes do renew it.

export type Renewal = { path: string; type?: "page" | "layout" };

const at = (path: string): Renewal => ({ path });
const page = (path: string): Renewal => ({ path, type: "page" });
const layout = (path: string): Renewal => ({ path, type: "layout" });

/** Each language's address of the given pages of a festival ("" is the festival page itself). */
const festivalPages = (slug: string, pages: string[]) =>
  LOCALES.flatMap((locale) => pages.map((p) => at(`/${locale}/festivals/${slug}${p}`)));

/**
 * A festival's cached programme in every language: as a list, by venue and printed; and the item
 * pages, by their route, so an item taken out of the programme is renewed too (item pages of
 * other festivals are read again on their next visit, which costs one render each).
 */
const publicProgramme = (slug: string) => [
  ...festivalPages(slug, ["", "/venues", "/print"]),
  page("/[locale]/(public)/festivals/[slug]/items/[id]"),
];

/** The festival's dashboard pages (settings, programme, registrations, shifts, stars, competitions). */
const festivalDashboard = layout("/[locale]/dashboard/festivals/[slug]");

const points = [page("/[locale]/dashboard/points"), page("/[locale]/me")];

const CHANGES = {
  festivalCreated: () => [at("/dashboard/festivals")],
  /** Its dates, title or status: the festivals' dashboard and its public programme. */
  festivalChanged: (slug: string) => [layout("/[locale]/dashboard/festivals"), ...publicProgramme(slug)],
  venuesChanged: (slug: string) => [layout(`/dashboard/festivals/${slug}`)],
  programmePublished: (slug: string) => [...publicProgramme(slug), layout(`/[locale]/dashboard/festivals/${slug}`)],
  /** The organisers decided, moved, noted, set places or shifts. */
  registrationsReviewed: () => [festivalDashboard],
  /** A resident registered, changed or cancelled a registration, or declined a link: their own page. */
  registrationChanged: () => [page("/[locale]/me")],
  notificationsRead: () => [page("/[locale]/me")],
  /** A household's members without an account: the residents' page and the desk's pages. */
  householdMembersChanged: () => [page("/[locale]/me"), layout("/[locale]/dashboard/desk")],
  nominationDeclined: () => [page("/[locale]/me")],
  /**
   * Categories, vetting, stories, results: the dashboard, and in each language the candidates,
   * the results and the festival page, which shows the published results. The slug comes from a
   * form, so only a well-formed one names public addresses.
   */
  starsChanged: (slug: string) => [
    festivalDashboard,
    ...(/^[a-z0-9-]{1,40}$/.test(slug) ? festivalPages(slug, ["", "/stars", "/stars/results"]) : []),
  ],
  /**
   * Set-up, draw, results, schedule: the organisers' and referees' pages, the public competition
   * pages, the programme's item pages (when the rounds are, with a link) and the festival page
   * (the winners of finished competitions).
   */
  competitionChanged: () => [
    page("/[locale]/(public)/festivals/[slug]/items/[id]"),
    festivalDashboard,
    layout("/[locale]/referee"),
    layout("/[locale]/(public)/festivals/[slug]/competitions"),
    layout("/[locale]/(print)/festivals/[slug]/competitions"),
    page("/[locale]/(public)/festivals/[slug]"),
  ],
  /** The wall in each language and the dashboard's wish pages: wishes come and go from the wall. */
  wishesChanged: () => [layout("/[locale]/dashboard/wishes"), layout("/[locale]/wishes")],
  pointsChanged: () => points,
  /** A backstage helper's shift served: its points, and the festival's shift list. */
  shiftServed: () => [festivalDashboard, ...points],
  /** Whether a resident's name shows on the points board. */
  pointsPrivacyChanged: () => [layout("/[locale]/me"), page("/[locale]/points")],
  profileChanged: () => [at("/me")],
  householdsChanged: () => [at("/dashboard/households")],
  residentChanged: () => [layout("/dashboard/residents")],
  /**
   * A post set up or changed, a member taken on, changed or gone, a request made or decided: the
   * posts' dashboard pages, the public page (counts and names), the join pages and residents' own.
   */
  postsChanged: () => [
    layout("/[locale]/dashboard/posts"),
    page("/[locale]/(public)/posts"),
    layout("/[locale]/(resident)/posts"),
    layout("/[locale]/(resident)/me"),
  ],
  /**
   * The patrol roster, a patrol started or ended, a swap, a note: the posts' dashboard pages, the
   * members' own page and the public posts page (its year's figures).
   */
  patrolChanged: () => [
    layout("/[locale]/dashboard/posts"),
    page("/[locale]/(resident)/me/posts"),
    page("/[locale]/(public)/posts"),
  ],
} satisfies Record<string, (slug: string) => Renewal[] | Promise<Renewal[]>>;

export type Change = keyof typeof CHANGES;

/** The pages a change renews (for the test; the actions call `renew`). */
export async function renewalsOf<C extends Change>(change: C, ...args: Parameters<(typeof CHANGES)[C]>) {
  return (CHANGES[change] as (...a: typeof args) => Renewal[] | Promise<Renewal[]>)(...args);
}

/** Renews, on their next visit, the cached pages this change alters. */
export async function renew<C extends Change>(change: C, ...args: Parameters<(typeof CHANGES)[C]>) {
  for (const r of await renewalsOf(change, ...args)) revalidatePath(r.path, r.type);
}

/**
 * Every cached page (its file's route under app/, route groups included) and the changes that
 * alter what it shows. The competition pages are also read again each minute on their own.
 */
export const CACHED_PAGES: Record<string, Change[]> = {
  "/[locale]/(public)/festivals/[slug]": [
    "festivalChanged",
    "programmePublished",
    "starsChanged",
    "competitionChanged",
  ],
  "/[locale]/(public)/festivals/[slug]/venues": ["festivalChanged", "programmePublished"],
  "/[locale]/(public)/festivals/[slug]/items/[id]": ["festivalChanged", "programmePublished", "competitionChanged"],
  "/[locale]/(print)/festivals/[slug]/print": ["festivalChanged", "programmePublished"],
  "/[locale]/(public)/festivals/[slug]/competitions": ["competitionChanged"],
  "/[locale]/(public)/festivals/[slug]/competitions/[itemId]": ["competitionChanged"],
  "/[locale]/(print)/festivals/[slug]/competitions/[itemId]/print": ["competitionChanged"],
};
