import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";
import { SamePageLink } from "./same-page-link";

/** Previous / next links that keep the other query parameters. */
export async function Pagination({
  page,
  pageCount,
  total,
  basePath,
  params,
}: {
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common");
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav
      aria-label={t("pageOf", { page, count: pageCount })}
      className="flex flex-wrap items-center gap-3 py-4 text-base"
    >
      <span>{t("total", { count: total })}</span>
      <span aria-current="page">{t("pageOf", { page, count: pageCount })}</span>
      {page > 1 && (
        <SamePageLink className={buttonClass("secondary", "sm")} href={href(page - 1)} rel="prev">
          {t("previous")}
        </SamePageLink>
      )}
      {page < pageCount && (
        <SamePageLink className={buttonClass("secondary", "sm")} href={href(page + 1)} rel="next">
          {t("next")}
        </SamePageLink>
      )}
    </nav>
  );
}
