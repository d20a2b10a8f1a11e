import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getFormFestival, listFormItems } from "@/lib/registrations/form-queries";
import { REGISTRATION_ROLES, type RegistrationRole } from "@/vocabulary/registrations";
import { PrintButton } from "@/components/ui/print-button";

export const dynamic = "force-dynamic";

const isRole = (r: string): r is RegistrationRole => (REGISTRATION_ROLES as readonly string[]).includes(r);

/** The columns people write the most in get the room for it. */
const WIDTHS: Record<string, string> = {
  name: "w-[13%]",
  address: "w-[15%]",
  phone: "w-[12%]",
  birthYear: "w-[8%]",
  guardian: "w-[11%]",
};

/** Lines on one sheet: enough for a noticeboard, each tall enough for a shaky hand. */
const ROWS = 12;

/** The questions of each role's form that fit on paper, as columns. */
const QUESTIONS: Record<RegistrationRole, string[]> = {
  performer: ["actTitle", "actType", "minutes"],
  backstage: ["skills", "available"],
  athlete: ["emergency", "health"],
  player: ["level", "partner"],
};

export async function generateMetadata({ params }: { params: Promise<{ role: string }> }) {
  const { role } = await params;
  const t = await getTranslations("deskRegister.sheet");
  const tr = await getTranslations("myRegistrations");
  return { title: isRole(role) ? t("title", { role: tr(`roleLabel.${role}`) }) : t("notFound") };
}

/**
 * A blank paper sign-up sheet for one role (or one of its events) of a published festival: for
 * the noticeboard and the service centre. The desk types the filled-in lines in from each
 * person's card, through the same rules as online.
 */
export default async function SignUpSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; slug: string; role: string }>;
  searchParams: Promise<{ item?: string | string[] }>;
}) {
  await applyLocale(params);
  const { slug, role } = await params;
  if (!isRole(role)) notFound();
  const { item: itemParam } = await searchParams;
  const db = await getDb();
  const festival = await getFormFestival(db, slug);
  if (!festival) notFound();
  const t = await getTranslations("deskRegister.sheet");
  const tr = await getTranslations("myRegistrations");
  const format = await getFormatter();
  const tz = festival.timeZone;
  const hasItems = role === "athlete" || role === "player";
  const items = hasItems ? await listFormItems(db, slug, role) : [];
  const itemId = typeof itemParam === "string" ? itemParam : undefined;
  const item = itemId ? items.find((i) => i.id === itemId) : undefined;
  if (itemId && !item) notFound();
  const when = (i: { startsAt: string; endsAt: string; venue: string | null }) =>
    [
      format.dateTime(new Date(i.startsAt), {
        month: "long",
        day: "numeric",
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: tz,
      }),
      i.venue,
    ]
      .filter(Boolean)
      .join(" · ");
  const columns = [
    "name",
    "address",
    "phone",
    "birthYear",
    ...(hasItems && !item ? ["event"] : []),
    ...QUESTIONS[role],
    "guardian",
  ];
  const closes = festival.closesAt
    ? t("closes", {
        date: format.dateTime(festival.closesAt, { month: "long", day: "numeric", weekday: "short", timeZone: tz }),
      })
    : "";
  return (
    <>
      {/* Landscape, and as wide as the paper: the columns need room for large handwriting. */}
      <style>{`@page { size: A4 landscape; margin: 10mm; } main#main { max-width: 72rem; } @media print { main#main { max-width: none; } }`}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link
          href={`/dashboard/festivals/${slug}/registrations`}
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <header className="mb-3 border-b-4 border-red-brand pb-2">
        <p className="text-xl font-semibold text-gold-ink">{festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep">
          {item ? t("titleItem", { title: item.title }) : t("title", { role: tr(`roleLabel.${role}`) })}
        </h1>
        {item && <p className="text-xl font-semibold">{t("when", { when: when(item) })}</p>}
      </header>
      <p className="mb-4 text-lg">{t("handIn", { closes })}</p>
      <table className="w-full border-collapse text-base">
        <thead>
          <tr>
            <th scope="col" className="w-12 border-2 border-ink px-1 py-2 text-center">
              {t("no")}
            </th>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={`border-2 border-ink px-2 py-2 text-left align-bottom ${WIDTHS[c] ?? ""}`}
              >
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: ROWS }, (_, i) => (
            <tr key={i} className="h-16">
              <th scope="row" className="border-2 border-ink text-center text-xl font-bold">
                {i + 1}
              </th>
              {columns.map((c) => (
                <td key={c} className="border-2 border-ink" />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {hasItems && !item && items.length > 0 && (
        <section aria-labelledby="sheet-events" className="mt-4">
          <h2 id="sheet-events" className="text-xl font-bold">
            {t("event")}
          </h2>
          <ul className="mt-1 columns-2 text-base">
            {items.map((i) => (
              <li key={i.id}>
                {i.title} · {when(i)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
