import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getPaperBallotSheet } from "@/lib/stars/resident-queries";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { PrintButton } from "@/components/ui/print-button";

// Public: it shows only what the stars page shows everyone (the category and its approved
// candidates). Read per request, since candidates change until voting opens.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; categoryId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, categoryId } = await params;
  const t = await getTranslations("paperBallot.sheet");
  const s = await getPaperBallotSheet(await getDb(), slug, categoryId);
  return { title: s ? t("metaTitle", { category: s.category.name }) : t("heading") };
}

const CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { margin: 0; background: white; }
  main { padding: 0 !important; max-width: none !important; }
  .paper-ballot { border-width: 2px; }
}
`;

/** A paper ballot for one category: how many to tick, the candidates in the fixed order with a big box each. */
export default async function PaperBallotPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, categoryId } = await params;
  const sheet = await getPaperBallotSheet(await getDb(), slug, categoryId);
  if (!sheet) notFound();
  const t = await getTranslations("paperBallot.sheet");
  const format = await getFormatter();
  const { category } = sheet;
  const moment = (d: Date | null) =>
    d
      ? format.dateTime(d, {
          month: "long",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          timeZone: sheet.timeZone,
        })
      : "";
  return (
    <>
      <style>{CSS}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link href={`/festivals/${slug}/stars`} className="text-lg text-red-deep underline underline-offset-4">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
        <LocaleSwitch />
      </div>
      <article className="paper-ballot flex flex-col gap-5 border-4 border-ink p-6 text-ink">
        <header className="flex flex-col gap-1 border-b-2 border-ink pb-4 text-center">
          <p className="text-xl">{sheet.festivalTitle}</p>
          <h1 className="text-4xl font-black">{t("heading")}</h1>
          <p className="text-3xl font-bold">{category.name}</p>
          {category.description && <p className="text-lg">{category.description}</p>}
        </header>
        <p className="text-2xl font-bold">
          {category.votesPerVoter === 1 ? t("tickOne") : t("tickMany", { count: category.votesPerVoter })}
        </p>
        {category.mode === "household" && <p className="text-xl">{t("household")}</p>}
        {sheet.candidates.length === 0 ? (
          <p className="text-xl">{t("noCandidates")}</p>
        ) : (
          <ol className="flex flex-col">
            {sheet.candidates.map((c, i) => (
              <li key={c.id} className="flex items-center gap-5 border-b border-ink py-3 last:border-b-0">
                <span aria-hidden="true" className="size-14 shrink-0 border-4 border-ink" />
                <span className="w-10 text-right text-2xl tabular-nums">{i + 1}.</span>
                <span className="text-3xl font-bold">{c.name}</span>
                {c.building && <span className="text-xl">{c.building}</span>}
              </li>
            ))}
          </ol>
        )}
        <footer className="flex flex-col gap-2 border-t-2 border-ink pt-4 text-lg">
          <p>{t("order")}</p>
          <p className="font-semibold">{t("handIn", { end: moment(sheet.votingClosesAt) })}</p>
          <p>{t("secret")}</p>
        </footer>
      </article>
    </>
  );
}
