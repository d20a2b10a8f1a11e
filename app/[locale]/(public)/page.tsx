import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getCurrentFestival } from "@/lib/festivals/queries";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { festivalDay } from "@/components/ui/format";
import { RolePicture } from "@/components/registrations/role-picture";
import { REGISTRATION_ROLES } from "@/vocabulary/registrations";

export const dynamic = "force-dynamic";

const MORE = ["programme", "stars", "wishes"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  const tc = await getTranslations("common");
  const tn = await getTranslations("nav");
  const ts = await getTranslations("stars.home");
  const format = await getFormatter();
  const festival = await getCurrentFestival(await getDb());

  // Registration for the current festival: open now, not yet, over — or no festival to register for.
  const now = new Date();
  const registration: "open" | "soon" | "closed" | "none" =
    !festival || festival.status !== "published" || !festival.registrationOpensAt || !festival.registrationClosesAt
      ? "none"
      : now < festival.registrationOpensAt
        ? "soon"
        : now > festival.registrationClosesAt
          ? "closed"
          : "open";

  // Where Neighbourhood Star stands decides what its card invites people to do.
  const within = (opens: Date | null, closes: Date | null) => !!opens && !!closes && now >= opens && now <= closes;
  const stars: "nominate" | "vote" | "results" | "view" | null = !festival
    ? null
    : festival.status === "published" && within(festival.nominationOpensAt, festival.nominationClosesAt)
      ? "nominate"
      : festival.status === "published" && within(festival.votingOpensAt, festival.votingClosesAt)
        ? "vote"
        : festival.votingClosesAt && now > festival.votingClosesAt
          ? "results"
          : "view";

  const day = (iso: string) =>
    format.dateTime(festivalDay(iso), { year: "numeric", month: "long", day: "numeric", weekday: "short" });
  const moment = (d: Date) => format.dateTime(d, { month: "long", day: "numeric" });

  return (
    <div className="flex flex-col gap-8">
      {festival ? (
        <section
          aria-labelledby="festival-title"
          className="overflow-hidden rounded-[var(--radius-card)] border-2 border-gold bg-white shadow-sm"
        >
          <div className="festival-band px-[20px] py-6 text-white sm:px-8 sm:py-8">
            <p className="flex flex-wrap items-center gap-2 text-lg font-semibold text-gold-soft">
              <span>{t("edition", { edition: festival.edition })}</span>
              <span className="rounded-full bg-white px-3 py-0.5 text-base text-red-deep">
                {festival.status === "archived" ? t("statusArchived") : t("statusPublished")}
              </span>
            </p>
            <h1 id="festival-title" className="mt-2 text-3xl leading-tight font-black sm:text-5xl">
              {festival.title}
            </h1>
            {festival.theme && <p className="mt-3 text-xl">{t("theme", { theme: festival.theme })}</p>}
            <p className="mt-3 text-xl font-semibold">
              {festival.startsOn === festival.endsOn
                ? day(festival.startsOn)
                : t("dates", { start: day(festival.startsOn), end: day(festival.endsOn) })}
            </p>
          </div>
          <div className="px-[20px] py-4 text-lg sm:px-8">
            <p className="senior:hidden">{t("sinceLine")}</p>
            <ul className="mt-2 flex flex-col gap-1 text-muted senior:mt-0">
              {festival.registrationOpensAt && festival.registrationClosesAt && (
                <li>
                  {t("registrationWindow", {
                    start: moment(festival.registrationOpensAt),
                    end: moment(festival.registrationClosesAt),
                  })}
                </li>
              )}
              {festival.nominationOpensAt && festival.nominationClosesAt && (
                <li>
                  {t("nominationWindow", {
                    start: moment(festival.nominationOpensAt),
                    end: moment(festival.nominationClosesAt),
                  })}
                </li>
              )}
              {festival.votingOpensAt && festival.votingClosesAt && (
                <li>
                  {t("votingWindow", { start: moment(festival.votingOpensAt), end: moment(festival.votingClosesAt) })}
                </li>
              )}
            </ul>
          </div>
        </section>
      ) : (
        <Card>
          <h1 className="text-3xl font-bold">{tc("appName")}</h1>
          <p className="mt-2">{t("noFestival")}</p>
        </Card>
      )}

      <section aria-labelledby="ways-title">
        <h2 id="ways-title" className="text-2xl font-bold text-red-deep sm:text-3xl">
          {t("waysTitle")}
        </h2>
        <p className="mt-1 text-muted senior:hidden">{t("waysIntro")}</p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {REGISTRATION_ROLES.map((r) => {
            const body = (
              <>
                <RolePicture role={r} className="size-16 senior:hidden" />
                <span className="flex min-w-0 flex-col gap-1">
                  <span className="text-xl font-bold">{t(r)}</span>
                  <span>{t(`${r}Text`)}</span>
                  <span>
                    <Badge tone={registration === "open" ? "green" : "grey"}>
                      {registration === "open"
                        ? t("registerNow")
                        : registration === "closed"
                          ? t("registrationClosed")
                          : tc("opensSoon")}
                    </Badge>
                  </span>
                </span>
              </>
            );
            return (
              // The picture sits beside the words while a line holds about ten characters, above them when the text is large.
              <li key={r} className="@container">
                {festival && registration !== "none" ? (
                  <Link
                    href={`/festivals/${festival.slug}/register/${r}`}
                    className="flex h-full flex-col gap-4 rounded-[var(--radius-card)] border-2 border-line bg-white p-[20px] text-ink no-underline shadow-sm hover:border-red-brand @min-[16rem]:flex-row"
                  >
                    {body}
                  </Link>
                ) : (
                  <div className="flex h-full flex-col gap-4 rounded-[var(--radius-card)] border border-line bg-white p-[20px] shadow-sm @min-[16rem]:flex-row">
                    {body}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="more-title">
        <h2 id="more-title" className="text-2xl font-bold text-red-deep sm:text-3xl">
          {t("moreTitle")}
        </h2>
        <ul className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
          {MORE.map((k) => (
            <li
              key={k}
              className="flex flex-col gap-1 rounded-[var(--radius-card)] border border-line border-t-4 border-t-gold bg-white p-[20px] shadow-sm"
            >
              <h3 className="text-xl font-bold">{t(k)}</h3>
              <p>{t(`${k}Text`)}</p>
              <p className="mt-1">
                {k === "programme" && festival ? (
                  <Link href={`/festivals/${festival.slug}`} className={buttonClass("primary", "md")}>
                    {t("programmeLink")}
                  </Link>
                ) : k === "stars" && festival && stars ? (
                  <Link
                    href={`/festivals/${festival.slug}/stars${stars === "results" ? "/results" : ""}`}
                    className={buttonClass("primary", "md")}
                  >
                    {ts(stars)}
                  </Link>
                ) : k === "wishes" ? (
                  <Link href="/wishes" className={buttonClass("primary", "md")}>
                    {t("wishesLink")}
                  </Link>
                ) : (
                  <Badge>{tc("opensSoon")}</Badge>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <Card aria-labelledby="account-title" className="border-2 border-red-brand/30">
        <h2 id="account-title" className="text-2xl font-bold text-red-deep">
          {t("accountTitle")}
        </h2>
        <p className="mt-2">{t("accountText")}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonClass("primary", "lg")}>
            {tn("signUp")}
          </Link>
          <Link href="/sign-in" className={buttonClass("secondary", "lg")}>
            {tn("signIn")}
          </Link>
          <Link href="/me" className={buttonClass("ghost", "lg", "underline")}>
            {t("goToMe")}
          </Link>
        </div>
      </Card>
    </div>
  );
}
