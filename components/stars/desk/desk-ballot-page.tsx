import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DeskBallots } from "@/lib/stars/desk-queries";
import { ClientMessages } from "@/components/ui/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PaperBallotForm } from "./paper-ballot-form";

/**
 * The desk's paper ballots for one person (an account or a household member): each category
 * whose voting is open, whether they (or their household) have voted — never the choice — and the
 * form to type in their paper slip.
 */
export async function DeskBallotPage({
  who,
  data,
}: {
  who: { userId: string } | { memberId: string };
  data: DeskBallots;
}) {
  const card = "userId" in who ? `/dashboard/desk/people/${who.userId}` : `/dashboard/desk/members/${who.memberId}`;
  const t = await getTranslations("paperBallot");
  const format = await getFormatter();
  const { voter } = data;
  const open = data.festivals.filter((f) => f.categories.length);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Link href={card} className="self-start text-lg text-red-deep underline underline-offset-4">
        {t("backToCard", { name: voter.name })}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold text-red-deep">{t("title", { name: voter.name })}</h1>
        <p className="text-xl">
          {voter.kind === "member" ? t("isMember") : t("isAccount")}
          {voter.address && ` · ${voter.address}`}
        </p>
      </header>
      {!voter.eligible ? (
        <Alert tone="info">{voter.kind === "member" ? t("memberRemoved") : t("notVerified")}</Alert>
      ) : !open.length ? (
        <Alert tone="info">{t("noVoting")}</Alert>
      ) : (
        open.map((f) => (
          <section key={f.slug} aria-labelledby={`festival-${f.slug}`} className="flex flex-col gap-4">
            <div>
              <h2 id={`festival-${f.slug}`} className="text-2xl font-bold text-red-deep">
                {f.title}
              </h2>
              <p className="text-lg">
                {t("closes", {
                  end: format.dateTime(f.votingClosesAt, {
                    month: "long",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                    hourCycle: "h23",
                    timeZone: f.timeZone,
                  }),
                })}
              </p>
            </div>
            {f.categories.map((c) => (
              <Card key={c.id} aria-labelledby={`category-${c.id}`}>
                <div className="flex flex-col gap-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 id={`category-${c.id}`} className="text-2xl font-bold">
                      {c.name}
                    </h3>
                    <Link
                      href={`/festivals/${f.slug}/stars/print/ballot/${c.id}`}
                      className="text-lg text-red-deep underline underline-offset-4"
                    >
                      {t("printBlank", { category: c.name })}
                    </Link>
                  </div>
                  {c.mode === "household" && <p className="text-lg">{t("householdRule")}</p>}
                  {c.voted ? (
                    <Alert tone="success">
                      {c.voted.byThisPerson
                        ? c.voted.channel === "desk"
                          ? t("votedAtDesk")
                          : t("votedOnline")
                        : t("householdVoted")}
                    </Alert>
                  ) : !c.candidates.length ? (
                    <p className="text-lg">{t("noCandidates")}</p>
                  ) : (
                    <ClientMessages namespaces={["common", "errors", "fieldErrors", "paperBallot"]}>
                      <PaperBallotForm
                        festivalSlug={f.slug}
                        categoryId={c.id}
                        categoryName={c.name}
                        votesPerVoter={c.votesPerVoter}
                        voter={who}
                        voterName={voter.name}
                        candidates={c.candidates.map(({ id, name, building }) => ({ id, name, building }))}
                      />
                    </ClientMessages>
                  )}
                </div>
              </Card>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
