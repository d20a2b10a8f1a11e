import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { listRefereeCompetitions } from "@/lib/competitions/admin-queries";
import { Badge } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("competitionsAdmin.referee");
  return { title: t("title") };
}

/** The competitions I may enter results for: those I referee (organisers: all). */
export default async function RefereePage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/referee");
  const rows = await listRefereeCompetitions(await getDb(), actor);
  const t = await getTranslations("competitionsAdmin");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("referee.title")}</h1>
        <p className="text-lg">{t("referee.intro")}</p>
      </header>
      {rows.length === 0 ? (
        <p className="text-lg">{t("referee.none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((c) => (
            <li key={c.id}>
              <Link
                href={`/referee/${c.id}`}
                className="flex min-h-14 flex-col gap-1 rounded-xl border-2 border-line bg-white px-4 py-3 text-lg hover:border-red-brand"
              >
                <span className="text-xl font-bold text-red-deep underline underline-offset-4">{c.title}</span>
                <span className="text-base text-muted">
                  {c.festivalTitle} · {t(`setup.games.${c.game}`)}
                </span>
                <span className="flex flex-wrap gap-2">
                  <Badge tone={c.status === "finished" ? "green" : "gold"}>{t(`statuses.${c.status}`)}</Badge>
                  {c.open > 0 && <Badge tone="red">{t("referee.open", { count: c.open })}</Badge>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
