import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getStarsFestival, publishedWinners } from "@/lib/stars/queries";
import { listReceipts } from "@/lib/stars/receipts";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";

// Read per request: the search is in the address, and the list fills the moment voting closes.
// (The page reads no session.)
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const t = await getTranslations("stars.receipts");
  const f = await getStarsFestival(await getDb(), (await params).slug);
  return { title: f ? t("metaTitle", { festival: f.title }) : t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The bulletin board of a closed vote: every counted ballot's receipt, searchable, beside the
 * counts and the published winners. No candidate stands beside a receipt.
 */
export default async function StarReceiptsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  await applyLocale(params);
  const { slug } = await params;
  const search = await searchParams;
  const db = await getDb();
  const festival = await getStarsFestival(db, slug);
  if (!festival) notFound();
  const q = one(search.q)?.slice(0, 40);
  const page = Number(one(search.page)) || 1;
  const list = await listReceipts(db, slug, { q, page });
  if (!list) notFound();
  const winners = await publishedWinners(db, festival.id);
  const t = await getTranslations("stars.receipts");
  const base = `/festivals/${slug}/stars/receipts`;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>

      {!list.closed ? (
        <Alert tone="info">{t("notYet")}</Alert>
      ) : (
        <>
          <form method="get" action={base} role="search" className="flex flex-col gap-2">
            <label htmlFor="receipt-q" className="text-xl font-semibold">
              {t("searchLabel")}
            </label>
            <p id="receipt-q-hint" className="text-base text-muted">
              {t("searchHint")}
            </p>
            <div className="flex flex-wrap gap-3">
              <input
                id="receipt-q"
                name="q"
                defaultValue={q ?? ""}
                aria-describedby="receipt-q-hint"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                className="min-h-14 min-w-0 flex-[1_1_12rem] rounded-xl border-2 border-stone-400 bg-white px-4 font-mono text-2xl tracking-wider text-ink focus:border-red-brand"
              />
              <button type="submit" className={buttonClass("primary", "lg")}>
                {t("search")}
              </button>
            </div>
          </form>

          {list.searched &&
            (list.match ? (
              <Alert tone="success">
                {t("found", { receipt: list.match.receipt, category: list.match.categoryName })}
              </Alert>
            ) : (
              <Alert tone="info">{t("notFound", { receipt: list.searched })}</Alert>
            ))}

          <section aria-labelledby="counted-title" className="flex flex-col gap-3">
            <h2 id="counted-title" className="border-b-4 border-gold pb-2 text-2xl font-bold text-red-deep">
              {t("countedTitle")}
            </h2>
            {!winners && <p className="text-lg text-muted">{t("notPublished")}</p>}
            <ul className="flex flex-col gap-3">
              {list.categories.map((c) => (
                <li key={c.id} className="rounded-xl border border-line bg-white p-4">
                  <p className="text-xl font-bold">{t("categoryCount", { category: c.name, count: c.ballots })}</p>
                  {winners && (
                    <ul className="mt-1 flex flex-col gap-1 text-lg">
                      {winners
                        .filter((w) => w.categoryId === c.id)
                        .map((w) => (
                          <li key={w.id}>
                            <span aria-hidden="true" className="text-gold">
                              ★{" "}
                            </span>
                            {t("winnerVotes", { name: w.name, votes: w.votes })}
                          </li>
                        ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="list-title" className="flex flex-col gap-3">
            <h2 id="list-title" className="border-b-4 border-gold pb-2 text-2xl font-bold text-red-deep">
              {t("listTitle")}
            </h2>
            {list.rows.length === 0 ? (
              <p className="text-lg">{t("none")}</p>
            ) : (
              <Table caption={t("listCaption")}>
                <thead>
                  <tr>
                    <Th>{t("receipt")}</Th>
                    <Th>{t("category")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={`${r.receipt}-${r.categoryName}`}>
                      <Td className="font-mono text-lg tracking-wider">{r.receipt}</Td>
                      <Td className="text-lg">{r.categoryName}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {list.pageCount > 1 && (
              <Pagination
                page={list.page}
                pageCount={list.pageCount}
                total={list.total}
                basePath={base}
                params={{ q: list.searched ?? undefined }}
              />
            )}
          </section>
        </>
      )}

      <Link href={`/festivals/${slug}/stars/results`} className={buttonClass("ghost", "md", "self-start underline")}>
        {t("back")}
      </Link>
    </div>
  );
}
