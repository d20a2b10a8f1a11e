"use client";

import { useTranslations } from "next-intl";
import { setFestivalStatusAction } from "@/lib/festivals/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";

/**
 * What residents see of this programme, said as it is: publishing saves the version residents
 * get, but a festival still in draft is not public at all — then the bar says so and offers
 * the step that makes it public, here rather than in the settings.
 */
export function PublishBar({
  slug,
  festivalStatus,
  publishedAt,
  dirty,
  busy,
  onPublish,
}: {
  slug: string;
  festivalStatus: "draft" | "published" | "archived";
  /** When the programme was last published, already written in the reader's words. */
  publishedAt: string | null;
  dirty: boolean;
  busy: boolean;
  onPublish: () => void;
}) {
  const t = useTranslations();
  const draft = festivalStatus === "draft";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-white p-4">
      <div className="min-w-0 flex-1 basis-96 text-lg">
        <p>{publishedAt ? t("builder.lastPublished", { time: publishedAt }) : t("builder.neverPublished")}</p>
        <p className={dirty ? "font-semibold text-red-deep" : draft ? "text-ink" : "text-green-ink"}>
          {dirty ? t("builder.draftChanges") : draft ? t("builder.readyNotPublic") : t("builder.upToDate")}
        </p>
        {draft && (
          <p className="mt-1 border-l-4 border-gold pl-2 text-base font-semibold">{t("builder.festivalDraft")}</p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={`/festivals/${slug}`}
          className="inline-flex min-h-11 items-center rounded-xl px-3 text-base font-semibold text-red-deep underline underline-offset-4"
        >
          {t("builder.preview")}
        </a>
        <Button onClick={onPublish} disabled={busy}>
          {t("builder.publish")}
        </Button>
        {draft && (
          <ActionButton
            action={setFestivalStatusAction}
            fields={{ slug, status: "published" }}
            label={t("festivals.publishFestival")}
            variant="primary"
          />
        )}
      </div>
    </div>
  );
}
