import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MyStarBallot } from "@/lib/stars/resident-queries";
import { declineNominationAction } from "@/lib/stars/actions";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { VotedNote } from "./candidate-card";
import { NominationItems } from "./my-nominations";
import type { MyNomination } from "@/lib/stars/queries";

export interface NominationOfMe {
  id: string;
  categoryName: string;
  festivalTitle: string;
  festivalSlug: string;
  status: string;
  votingOpensAt: Date | null;
}

/**
 * "Neighbourhood Star" on /me: my ballots in the current festival, the nominations I made there
 * (where each stands, and why one was turned down), and nominations of me I can still decline.
 */
export async function MyStars({
  festival,
  ballots,
  nominatedMe,
  mine = [],
  now = new Date(),
}: {
  festival: { slug: string; title: string; voting: "before" | "open" | "after" | "unset" } | null;
  ballots: MyStarBallot[];
  nominatedMe: NominationOfMe[];
  /** The nominations I made in the current festival. */
  mine?: MyNomination[];
  now?: Date;
}) {
  const t = await getTranslations("stars");
  // Before voting opens there is no ballot to speak of.
  const showBallots = !!festival && (ballots.length > 0 || festival.voting === "open" || festival.voting === "after");
  return (
    <Card aria-labelledby="stars-title">
      <h2 id="stars-title" className="text-2xl font-bold">
        {t("me.title")}
      </h2>
      {!showBallots && nominatedMe.length === 0 && mine.length === 0 && <p className="mt-2">{t("intro")}</p>}
      {festival && showBallots && (
        <>
          <h3 className="mt-4 text-xl font-bold">{t("me.ballots")}</h3>
          {ballots.length === 0 ? (
            <p className="mt-1">{t("me.noBallots", { festival: festival.title })}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-3">
              {ballots.map((b) => (
                <li key={b.categoryId} className="flex flex-col gap-2">
                  <p className="text-lg font-semibold">{b.categoryName}</p>
                  {b.mine ? (
                    <VotedNote />
                  ) : b.byHousehold ? (
                    <p>{t("voted.byHousehold", { name: b.byHousehold })}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {mine.length > 0 && (
        <>
          <h3 className="mt-5 text-xl font-bold">{t("me.nominatedByMe")}</h3>
          <NominationItems items={mine} />
        </>
      )}
      {nominatedMe.length > 0 && (
        <>
          <h3 className="mt-5 text-xl font-bold">{t("me.nominatedMe")}</h3>
          <ul className="mt-2 flex flex-col gap-3">
            {nominatedMe.map((n) => {
              const open = !n.votingOpensAt || now < n.votingOpensAt;
              return (
                <li key={n.id} className="flex flex-col gap-2 rounded-xl border border-line p-4">
                  <p className="text-lg font-semibold">{n.categoryName}</p>
                  <p className="text-muted">{n.festivalTitle}</p>
                  {n.status === "declined" ? (
                    <p>
                      <Badge tone="grey">{t("me.declined")}</Badge>
                    </p>
                  ) : (
                    <>
                      <p>
                        <Badge tone={n.status === "approved" ? "green" : "gold"}>
                          {t(`status.${n.status}` as "status.pending")}
                        </Badge>
                      </p>
                      {open ? (
                        <ActionButton
                          action={declineNominationAction}
                          fields={{ id: n.id }}
                          label={t("me.decline")}
                          ariaLabel={
                            nominatedMe.length > 1 ? t("me.declineFor", { category: n.categoryName }) : undefined
                          }
                          variant="danger"
                          confirmText={t("me.declineConfirm")}
                          successText={t("me.declinedDone")}
                        />
                      ) : (
                        <p className="text-muted">{t("me.tooLate")}</p>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {festival && (
        <Link href={`/festivals/${festival.slug}/stars`} className={buttonClass("secondary", "md", "mt-5")}>
          {t("me.toStars")}
        </Link>
      )}
    </Card>
  );
}
