import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getFestivalForEdit, listVenues } from "@/lib/festivals/dashboard-queries";
import { setFestivalStatusAction } from "@/lib/festivals/actions";
import { FestivalForm } from "@/components/festivals/festival-form";
import { NewVenueForm, VenueRow } from "@/components/festivals/venue-editor";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { FestivalTabs } from "@/components/festivals/festival-tabs";

export async function generateMetadata() {
  const t = await getTranslations("festivals");
  return { title: t("edit") };
}

export default async function FestivalSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const f = orForbidden(await getFestivalForEdit(db, actor, slug));
  if (!f) notFound();
  const venues = orForbidden(await listVenues(db, actor, f.id));
  const t = await getTranslations();
  const done = t("residents.done");
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("festivals.editTitle", { title: f.title })}</h1>
        {f.status !== "draft" && (
          <Link href={`/festivals/${slug}`} className={buttonClass("secondary", "sm")}>
            {t("festivals.publicPage")}
          </Link>
        )}
      </div>
      <FestivalTabs slug={slug} current="settings" />
      <Card aria-labelledby="status-title">
        <h2 id="status-title" className="sr-only">
          {t("festivals.status")}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={f.status === "published" ? "green" : f.status === "archived" ? "gold" : "grey"}>
            {t("festivals.statusNow", { status: t(`festivals.statuses.${f.status}`) })}
          </Badge>
          {f.status !== "published" && (
            <ActionButton
              action={setFestivalStatusAction}
              fields={{ slug, status: "published" }}
              label={t("festivals.publishFestival")}
              variant="primary"
              successText={done}
            />
          )}
          {f.status !== "draft" && (
            <ActionButton
              action={setFestivalStatusAction}
              fields={{ slug, status: "draft" }}
              label={t("festivals.unpublishFestival")}
              successText={done}
            />
          )}
          {f.status !== "archived" && (
            <ActionButton
              action={setFestivalStatusAction}
              fields={{ slug, status: "archived" }}
              label={t("festivals.archive")}
              successText={done}
            />
          )}
        </div>
      </Card>
      <Card aria-labelledby="settings-title">
        <h2 id="settings-title" className="mb-4 text-2xl font-bold">
          {t("festivals.edit")}
        </h2>
        <FestivalForm mode="edit" initial={f} key={f.version} />
      </Card>
      <Card aria-labelledby="venues-title">
        <h2 id="venues-title" className="mb-4 text-2xl font-bold">
          {t("festivals.venues")}
        </h2>
        {venues.length === 0 && <p className="mb-3">{t("festivals.noVenues")}</p>}
        <ul className="mb-4 flex flex-col gap-3">
          {venues.map((v) => (
            <VenueRow key={v.id} slug={slug} venue={v} />
          ))}
        </ul>
        <NewVenueForm slug={slug} />
      </Card>
    </div>
  );
}
