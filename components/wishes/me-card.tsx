import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** On /me: the way to my claims and my own wishes (they have a page of their own). */
export async function MyWishesCard() {
  const t = await getTranslations("myWishes");
  return (
    <Card aria-labelledby="my-wishes-title">
      <h2 id="my-wishes-title" className="text-2xl font-bold">
        {t("meCardTitle")}
      </h2>
      <p className="mt-2">{t("meCardText")}</p>
      <Link href="/me/wishes" className={buttonClass("primary", "md", "mt-4")}>
        {t("meCardLink")}
      </Link>
    </Card>
  );
}
