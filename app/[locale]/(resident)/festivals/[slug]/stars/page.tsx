import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { StarCategory } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import {
  getStarsFestival,
  listCandidates,
  listCategories,
  listMyNominations,
  type StarsFestival,
} from "@/lib/stars/queries";
import { listMyStarBallots, type MyStarBallot } from "@/lib/stars/resident-queries";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { Ballot } from "@/components/stars/ballot";
import { CandidateCard, VotedNote, type CandidateView } from "@/components/stars/candidate-card";
import { MyNominations } from "@/components/stars/my-nominations";
import { NominationForm } from "@/components/stars/nomination-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

// Read on every request: what a resident sees depends on who they are, the windows and their ballots.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("stars");
  const f = await getStarsFestival(await getDb(), (await params).slug);
  return { title: f ? t("metaTitle", { festival: f.title }) : t("title") };
}

/** Candidates and, while its window is open, the nomination form or the ballot. */
export default async function StarsPage({ params }: { params: Params }) {
  const { slug } = await params;
  const db = await getDb();
  const festival = await getStarsFestival(db, slug);
  if (!festival) notFound();
  const actor = await getActor();
  const nominating = festival.nomination === "open";
  const voting = festival.voting === "open";
  const [categories, candidates, ballots, mine] = await Promise.all([
    listCategories(db, festival.id),
    // Each voter gets the candidates in an order of their own; visitors share one.
    listCandidates(db, festival.id, actor?.id ?? "visitor"),
    actor ? listMyStarBallots(db, actor, festival.id) : Promise.resolve([] as MyStarBallot[]),
    actor ? listMyNominations(db, actor.id, festival.id) : Promise.resolve([]),
  ]);
  const t = await getTranslations("stars");
  const here = `/festivals/${slug}/stars`;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">
          <Link href={`/festivals/${slug}`} className="underline underline-offset-4">
            {festival.title}
          </Link>
        </p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>

      <WindowState festival={festival} />

      {(nominating || voting) && <WhoMayTakePart actor={actor} nominating={nominating} back={here} />}

      {nominating && actor?.verified && (
        <Card aria-labelledby="nominate-title">
          <h2 id="nominate-title" className="text-2xl font-bold text-red-deep">
            {t("nominate.title")}
          </h2>
          <p className="mt-1 mb-5 text-lg">{t("nominate.intro")}</p>
          <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "stars"]}>
            <NominationForm
              festivalSlug={slug}
              categories={categories.map((c) => ({ id: c.id, name: c.name, description: c.description }))}
            />
          </ClientMessages>
        </Card>
      )}
      {/* While nominating, my nominations sit under the form; otherwise after the candidates. */}
      {actor && nominating && <MyNominations items={mine} />}

      {categories.map((c) => (
        <CategorySection
          key={c.id}
          festivalSlug={slug}
          category={c}
          candidates={candidates.filter((x) => x.categoryId === c.id)}
          ballot={ballots.find((b) => b.categoryId === c.id)}
          actor={actor}
          nominating={nominating}
          voting={voting}
        />
      ))}
      {actor && !nominating && mine.length > 0 && <MyNominations items={mine} />}
    </div>
  );
}

/** Where the windows stand, in the festival's time zone; a link to the results once they are out. */
async function WindowState({ festival }: { festival: StarsFestival }) {
  const t = await getTranslations("stars");
  const format = await getFormatter();
  const moment = (d: Date | null) =>
    d
      ? format.dateTime(d, {
          month: "long",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          timeZone: festival.timeZone,
        })
      : "";
  const lines: string[] = [];
  if (festival.publishedAt) lines.push(t("window.resultsOut"));
  else if (festival.voting === "open")
    lines.push(t("window.votingOpen", { end: moment(festival.votingClosesAt) }), t("countsHidden"));
  else if (festival.voting === "after") lines.push(t("window.votingClosed"));
  else {
    if (festival.nomination === "open")
      lines.push(t("window.nominationOpen", { end: moment(festival.nominationClosesAt) }));
    if (festival.nomination === "before")
      lines.push(t("window.nominationSoon", { start: moment(festival.nominationOpensAt) }));
    if (festival.voting === "before")
      lines.push(
        t("window.votingSoon", { start: moment(festival.votingOpensAt), end: moment(festival.votingClosesAt) }),
      );
    if (!lines.length) lines.push(t("window.unset"));
  }
  return (
    <div className="flex flex-col gap-3 rounded-xl border-l-4 border-gold bg-gold-soft px-4 py-3 text-lg">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {(festival.publishedAt || festival.voting === "after") && (
        <Link href={`/festivals/${festival.slug}/stars/results`} className={buttonClass("primary", "md", "self-start")}>
          {t("seeResults")}
        </Link>
      )}
    </div>
  );
}

/** Said once, before any form: who may nominate or vote, and how a resident who may not yet can. */
async function WhoMayTakePart({ actor, nominating, back }: { actor: Actor | null; nominating: boolean; back: string }) {
  const t = await getTranslations("stars");
  if (!actor) {
    return (
      <Alert tone="info">
        <p>{nominating ? t("signInToNominate") : t("signInToVote")}</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
          className={buttonClass("primary", "md", "mt-3")}
        >
          {t("signIn")}
        </Link>
      </Alert>
    );
  }
  if (!actor.verified) {
    return (
      <Alert tone="info">
        <p className="font-semibold">{nominating ? t("unverifiedNominate") : t("unverifiedVote")}</p>
        <p className="mt-1">{t("howToVerify")}</p>
        <Link href="/me" className={buttonClass("primary", "md", "mt-3")}>
          {t("toMe")}
        </Link>
      </Alert>
    );
  }
  return null;
}

function ruleOf(c: StarCategory): {
  key: "rule.residentOne" | "rule.residentMany" | "rule.householdOne" | "rule.householdMany";
  count: number;
} {
  const many = c.votesPerVoter > 1;
  return {
    key:
      c.mode === "household"
        ? many
          ? "rule.householdMany"
          : "rule.householdOne"
        : many
          ? "rule.residentMany"
          : "rule.residentOne",
    count: c.votesPerVoter,
  };
}

/** A category: what it honours, its voting rule (said once, here), its candidates and my ballot. */
async function CategorySection({
  festivalSlug,
  category,
  candidates,
  ballot,
  actor,
  nominating,
  voting,
}: {
  festivalSlug: string;
  category: StarCategory;
  candidates: CandidateView[];
  ballot: MyStarBallot | undefined;
  actor: Actor | null;
  nominating: boolean;
  voting: boolean;
}) {
  const t = await getTranslations("stars");
  const rule = ruleOf(category);
  const ruleId = `rule-${category.id}`;
  const canVote =
    voting &&
    !ballot &&
    !!actor?.verified &&
    (category.mode !== "household" || !!actor.householdId) &&
    candidates.length > 0;
  const list = (
    <ul className="grid gap-4 md:grid-cols-2">
      {candidates.map((c) => (
        <li key={c.id}>
          <CandidateCard candidate={c} />
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={`category-${category.id}`} className="flex flex-col gap-4">
      <div className="border-b-4 border-gold pb-3">
        <h2 id={`category-${category.id}`} className="text-2xl font-bold text-red-deep sm:text-3xl">
          {category.name}
        </h2>
        {category.description && <p className="mt-1 text-lg">{category.description}</p>}
        <p id={ruleId} className="mt-1 text-lg font-semibold">
          {t(rule.key, { count: rule.count })}
        </p>
      </div>
      {ballot?.mine && <VotedNote />}
      {ballot && !ballot.mine && ballot.byHousehold && (
        <Alert tone="success">{t("voted.byHousehold", { name: ballot.byHousehold })}</Alert>
      )}
      {voting && !ballot && actor?.verified && category.mode === "household" && !actor.householdId && (
        <Alert tone="info">{t("householdToVote")}</Alert>
      )}
      {candidates.length === 0 ? (
        <p className="text-lg text-muted">{t("noCandidates")}</p>
      ) : canVote ? (
        <ClientMessages namespaces={["common", "errors", "fieldErrors", "stars", "senior"]}>
          <Ballot
            festivalSlug={festivalSlug}
            categoryId={category.id}
            categoryName={category.name}
            max={category.votesPerVoter}
            ruleId={ruleId}
            candidates={candidates}
          />
        </ClientMessages>
      ) : (
        <>
          <p className="text-lg font-semibold">{nominating ? t("candidatesSoFar") : t("candidates")}</p>
          {list}
        </>
      )}
    </section>
  );
}
