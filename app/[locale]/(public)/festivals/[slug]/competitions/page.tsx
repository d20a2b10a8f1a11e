import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listPublicCompetitions } from "@/lib/competitions/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { whenText } from "@/components/competitions/score";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

// Cached whole per language and read again at most once a minute: results come in all day from
// the referees' phones, and a crowd reading the list should not each cost a render.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const t = await getTranslations("competitions");
  const data = await listPublicCompetitions(await getDb(), (await params).slug);
  return { title: data ? t("metaTitle", { festival: data.festival.title }) : t("title") };
}

export default async function CompetitionsPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug } = await params;
  const data = await listPublicCompetitions(await getDb(), slug);
  if (!data) notFound();
  const t = await getTranslations("competitions");
  const format = await getFormatter();
  const tz = data.festival.timeZone;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{data.festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>

      {data.competitions.length === 0 ? (
        <p className="rounded-xl bg-gold-soft p-4 text-lg">{t("none")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {data.competitions.map((c) => (
            <li key={c.item.id}>
              <Card className="flex h-full flex-col gap-3" aria-labelledby={`c-${c.item.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={c.status === "finished" ? "grey" : c.status === "setup" ? "gold" : "green"}>
                    {t(`status.${c.status}`)}
                  </Badge>
                  <span className="text-lg text-muted">
                    {t(`game.${c.game}`)} · {t(`format.${c.format}`)}
                  </span>
                </div>
                <h2 id={`c-${c.item.id}`} className="text-2xl font-bold">
                  {c.item.title}
                </h2>
                <p className="text-lg">{whenText(c.item.startsAt, c.item.endsAt, tz, format, t)}</p>
                {c.item.venue && <p className="text-lg">{t("where", { venue: c.item.venue })}</p>}
                <p className="text-lg">
                  {t("entrantCount", { count: t(`entrantUnit.${c.entrantKind}`, { count: c.entrants }) })}
                </p>
                {c.winners.length > 0 && (
                  <p className="rounded-xl bg-gold-soft px-4 py-2 text-lg font-bold text-red-deep">
                    {c.groupWinners
                      ? t("groupWinners", { names: c.winners.join(t("listSeparator")) })
                      : t("champion", { names: c.winners.join(t("listSeparator")) })}
                  </p>
                )}
                <Link
                  href={`/festivals/${slug}/competitions/${c.item.id}`}
                  className={buttonClass("primary", "md", "mt-auto self-start")}
                >
                  {t("open", { title: c.item.title })}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}

      <Link href={`/festivals/${slug}`} className={buttonClass("ghost", "md", "self-start underline")}>
        {t("backToFestival")}
      </Link>
    </div>
  );
}
