import { getTranslations } from "next-intl/server";
import { RosterImport } from "@/components/accounts/roster-import";
import { requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requireOrganiser();
  const t = await getTranslations("import");
  return (
    <div className="flex max-w-5xl flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <p>
        <a
          href="/dashboard/households/import/template.csv"
          download
          className="font-semibold text-red-deep underline underline-offset-4"
        >
          {t("template")}
        </a>
      </p>
      <RosterImport />
    </div>
  );
}
