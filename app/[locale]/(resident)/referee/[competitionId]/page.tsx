import Link from "next/link";
import { SamePageLink } from "@/components/ui/same-page-link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getRefereeCompetition } from "@/lib/competitions/admin-queries";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { MatchList } from "@/components/competitions/admin/match-list";

export const dynamic = "force-dynamic";

type Params = Promise<{ competitionId: string }>;
type Search = Promise<{ round?: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { competitionId } = await params;
  const actor = await getActor();
  const t = await getTranslations("competitionsAdmin.referee");
  const c = actor ? await getRefereeCompetition(await getDb(), actor, competitionId) : null;
  return { title: c ? t("titleFor", { title: c.title }) : t("title") };
}

/**
 * A referee's phone page: the current round's matches (or another round, by its link), each with
 * a result form in its game's shape. Only the competition's referees and organisers get here;
 * the service checks them again on every result.
 */
export default async function RefereeCompetitionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { competitionId } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/referee/${competitionId}`);
  const asked = Number((await searchParams).round);
  const c = await getRefereeCompetition(
    await getDb(),
    actor,
    competitionId,
    Number.isInteger(asked) ? asked : undefined,
  );
  if (!c) notFound();
  // The round goes into the address, so a saved result re-renders the same round (with its
  // "saved" line) instead of jumping to the next one under the referee's thumb.
  if (c.rounds.length && c.round !== asked) redirect(`/referee/${c.id}?round=${c.round}`);
  const t = await getTranslations("competitionsAdmin");
  const roundDone = c.matches.every((m) => !m.playable || m.outcome !== null);
  const nextRound = c.rounds.find((r) => r > c.round);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <p>
        <Link
          href="/referee"
          className="inline-flex min-h-11 items-center text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("referee.back")}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep">{c.title}</h1>
        <p className="text-lg">
          {t(`setup.games.${c.game}`)} · {t(`statuses.${c.status}`)}
        </p>
      </header>
      {c.rounds.length === 0 ? (
        <p className="text-lg">{t("referee.noDraw")}</p>
      ) : (
        <>
          {c.rounds.length > 1 && (
            <nav aria-label={t("referee.rounds")}>
              <ul className="flex flex-wrap gap-2">
                {c.rounds.map((r) => (
                  <li key={r}>
                    <SamePageLink
                      href={`/referee/${c.id}?round=${r}`}
                      aria-current={r === c.round ? "page" : undefined}
                      className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-xl border-2 px-3 text-lg font-semibold ${r === c.round ? "border-red-brand bg-red-soft text-red-deep" : "border-stone-400 bg-white text-ink"}`}
                    >
                      {t("matches.round", { round: r })}
                    </SamePageLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {roundDone && nextRound !== undefined && (
            <p className="rounded-xl border-l-4 border-green-ink bg-green-soft px-4 py-3 text-lg">
              {t("referee.roundDone")}{" "}
              <SamePageLink
                href={`/referee/${c.id}?round=${nextRound}`}
                className="font-semibold text-red-deep underline underline-offset-4"
              >
                {t("referee.toRound", { round: nextRound })}
              </SamePageLink>
            </p>
          )}
          <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "competitionsAdmin"]}>
            <MatchList matches={c.matches} game={c.game} bestOf={c.bestOf} timeZone={c.timeZone} formsOpen level={2} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}
