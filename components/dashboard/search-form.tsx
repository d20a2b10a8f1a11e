import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** A GET form: the search lives in the URL, so results can be shared and paged. */
export async function SearchForm({
  label,
  q,
  children,
  action,
}: {
  label: string;
  q?: string;
  children?: React.ReactNode;
  action: string;
}) {
  const t = await getTranslations("common");
  return (
    <form method="get" action={action} role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor="q" className="text-base font-semibold">
          {label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          className="min-h-11 rounded-lg border-2 border-stone-400 bg-white px-3 text-base"
        />
      </div>
      {children}
      <button type="submit" className={buttonClass("primary", "sm")}>
        {t("search")}
      </button>
    </form>
  );
}
