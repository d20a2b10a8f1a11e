import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getCertificate } from "@/lib/stars/resident-queries";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SeniorSwitch } from "@/components/shell/senior-switch";
import { PrintButton } from "@/components/ui/print-button";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; winnerId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, winnerId } = await params;
  const t = await getTranslations("stars.certificate");
  const c = await getCertificate(await getDb(), slug, winnerId);
  return { title: c ? t("metaTitle", { name: c.name }) : t("heading") };
}

// A4 landscape, inside the 10 mm most printers cannot reach; on screen the same sheet scaled to
// the window. Sizes are in container units, so the screen shows what the paper will.
const CSS = `
@page { size: A4 landscape; margin: 10mm; }
.certificate { container-type: inline-size; aspect-ratio: 277 / 190; display: flex; flex-direction: column; background: #fffaf0; border: 2cqw solid var(--color-red-brand); padding: 1cqw; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.certificate .band { flex: 1; display: flex; flex-direction: column; border: 0.6cqw solid var(--color-gold); padding: 1cqw; }
.certificate .frame { flex: 1; border: 0.2cqw solid var(--color-gold); }
.certificate .kicker { font-size: max(15px, 2.1cqw); letter-spacing: 0.15em; }
.certificate .title { font-size: max(28px, 5.6cqw); line-height: 1.2; }
.certificate .title:lang(zh) { font-size: max(32px, 6.6cqw); letter-spacing: 0.4em; margin-right: -0.4em; }
.certificate .name { font-size: max(34px, 7.4cqw); }
.certificate .line { font-size: max(17px, 2.4cqw); }
.certificate .category { font-size: max(24px, 4.4cqw); }
.certificate .seal { width: max(88px, 12cqw); height: max(88px, 12cqw); font-size: max(13px, 1.6cqw); border-width: max(3px, 0.45cqw); }
.certificate .seal:lang(en) { font-size: max(10px, 1.2cqw); }
.certificate .seal-star { font-size: max(24px, 3.8cqw); line-height: 1; }
@media print {
  html, body { margin: 0; background: white; }
  main { padding: 0 !important; max-width: none !important; }
  .certificate { width: 277mm; height: 190mm; aspect-ratio: auto; overflow: hidden; break-inside: avoid; }
}
`;

/** A printable certificate for a published winner: their name, category, festival and the date of the award. */
export default async function CertificatePage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, winnerId } = await params;
  const c = await getCertificate(await getDb(), slug, winnerId);
  if (!c) notFound();
  const t = await getTranslations("stars.certificate");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const date = format.dateTime(c.publishedAt, { year: "numeric", month: "long", day: "numeric", timeZone: c.timeZone });
  return (
    <>
      <style>{CSS}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link
          href={`/festivals/${slug}/stars/results`}
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("back")}
        </Link>
        <PrintButton label={tc("print")} />
        <SeniorSwitch tone="dark" />
        <LocaleSwitch tone="dark" />
      </div>
      <article className="certificate w-full text-ink">
        <div className="band">
          <div className="frame flex flex-col items-center justify-center gap-[1.4cqw] px-[5cqw] py-[2.5cqw] text-center">
            <p className="kicker font-semibold text-gold-ink">{c.festivalTitle}</p>
            <h1 className="title font-black text-red-brand">{t("heading")}</h1>
            <p className="name border-b-[0.3cqw] border-gold px-[3cqw] leading-tight font-black">{c.name}</p>
            <p className="line">{t("awarded", { festival: c.festivalTitle })}</p>
            <p className="category leading-tight font-black text-red-deep">{c.categoryName}</p>
            <p className="line text-muted">{t("thanks")}</p>
            <div className="line mt-[0.6cqw] flex w-full flex-wrap items-center justify-end gap-x-[2cqw] gap-y-2 text-right">
              <div>
                <p className="font-bold">{t("issuer")}</p>
                <p>{date}</p>
              </div>
              <div
                aria-hidden="true"
                className="seal grid shrink-0 place-items-center rounded-full border-red-brand text-red-brand"
              >
                <span className="flex flex-col items-center px-1 text-center leading-tight font-bold">
                  <span className="seal-star">★</span>
                  <span>{t("seal")}</span>
                </span>
              </div>
            </div>
          </div>
        </div>
      </article>
    </>
  );
}
