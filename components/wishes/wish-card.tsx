import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { GalleryWish, WallWish } from "@/lib/wishes/queries";
import { festivalDay } from "@/components/ui/format";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";

export const wishPhotoUrl = (id: string) => `/api/wishes/photos/${id}`;

/** A simple line picture of each kind of wish (an emoji may have no glyph on an older phone). */
function KindIcon({ category }: { category: WallWish["category"] }) {
  const paths = {
    goods:
      "M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7c-1.5-3-5-3.5-5-1.2C7 7 9.5 7 12 7zm0 0c1.5-3 5-3.5 5-1.2C17 7 14.5 7 12 7z",
    service: "M14.5 5.5a4 4 0 0 0-5 5L4 16l4 4 5.5-5.5a4 4 0 0 0 5-5l-2.5 2.5-2.5-.5-.5-2.5z",
    companionship: "M12 20s-7-4.3-7-9.5A3.8 3.8 0 0 1 12 8a3.8 3.8 0 0 1 7 2.5C19 15.7 12 20 12 20z",
  } as const;
  return (
    <svg
      viewBox="0 0 24 24"
      className="size-1/2 fill-none stroke-gold-ink"
      strokeWidth={1.6}
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d={paths[category]} />
    </svg>
  );
}

/** A wish's photo, or its kind's picture where there is none. */
export function WishPhoto({
  photoId,
  title,
  category,
  className = "size-20 sm:size-24",
}: {
  photoId: string | null;
  title: string;
  category: WallWish["category"];
  className?: string;
}) {
  const t = useTranslations("wishes");
  if (!photoId) {
    return (
      <span aria-hidden="true" className={`grid shrink-0 place-items-center rounded-xl bg-gold-soft ${className}`}>
        <KindIcon category={category} />
      </span>
    );
  }
  // Photos are scaled on upload and served from the database: no image optimiser needed.
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={wishPhotoUrl(photoId)}
      alt={t("photoAlt", { title })}
      loading="lazy"
      className={`shrink-0 rounded-xl border border-line bg-stone-100 object-cover ${className}`}
    />
  );
}

/** "Wanted by 16 January" in the reader's language, from a date without time. */
export function useWantedBy() {
  const format = useFormatter();
  return (iso: string) => format.dateTime(festivalDay(iso), { year: "numeric", month: "long", day: "numeric" });
}

/** The small facts under a wish's title: kind, worth, when, and whether a volunteer holds it. */
export function WishFacts({ wish }: { wish: Pick<WallWish, "category" | "value" | "wantedBy" | "taken"> }) {
  const t = useTranslations("wishes");
  const wantedBy = useWantedBy();
  return (
    <p className="flex flex-wrap items-center gap-2">
      <Badge tone="gold">{t(`category.${wish.category}`)}</Badge>
      {wish.value > 0 && <Badge tone="grey">{t("value", { value: wish.value })}</Badge>}
      {wish.wantedBy && <Badge tone="grey">{t("wantedBy", { date: wantedBy(wish.wantedBy) })}</Badge>}
      {wish.taken ? <Badge tone="green">{t("taken")}</Badge> : <Badge tone="red">{t("waiting")}</Badge>}
    </p>
  );
}

/** A wish on the wall: who (by alias and age group), what, a little of the story, and the way in. */
export function WishCard({ wish }: { wish: WallWish }) {
  const t = useTranslations("wishes");
  return (
    <article
      className={`flex h-full flex-col gap-3 rounded-[var(--radius-card)] border-2 bg-white p-[16px] shadow-sm sm:p-5 ${wish.taken ? "border-line" : "border-gold"}`}
    >
      <div className="flex flex-wrap items-start gap-4">
        <WishPhoto photoId={wish.photoId} title={wish.title} category={wish.category} />
        <div className="min-w-0 flex-[1_1_8rem]">
          <p className="text-lg font-semibold break-words text-gold-ink">
            {wish.alias} · {t(`ageBand.${wish.ageBand}`)}
          </p>
          <h3 className="text-2xl font-bold break-words text-red-deep">{wish.title}</h3>
        </div>
      </div>
      <p className="line-clamp-3 text-lg break-words">{wish.story}</p>
      <WishFacts wish={wish} />
      <Link
        href={`/wishes/${wish.id}`}
        aria-label={t("seeNamed", { title: wish.title })}
        className={buttonClass(wish.taken ? "secondary" : "primary", "md", "mt-auto self-stretch sm:self-start")}
      >
        {t("see")}
      </Link>
    </article>
  );
}

/** A wish that came true: the organisers' thank-you note and the volunteer's photo. */
export function GalleryCard({ wish }: { wish: GalleryWish }) {
  const t = useTranslations("wishes");
  return (
    <article className="flex h-full flex-col gap-3 rounded-[var(--radius-card)] border border-line border-t-4 border-t-green-ink bg-white p-[16px] shadow-sm sm:p-5">
      {wish.photoId && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={wishPhotoUrl(wish.photoId)}
          alt={t("fulfilPhotoAlt", { title: wish.title })}
          loading="lazy"
          className="aspect-[4/3] w-full rounded-xl border border-line bg-stone-100 object-cover"
        />
      )}
      <p className="text-lg font-semibold break-words text-gold-ink">{wish.alias}</p>
      <h3 className="text-xl font-bold break-words text-green-ink">{wish.title}</h3>
      {wish.thanks && <p className="text-lg break-words">{t("thanks", { thanks: wish.thanks })}</p>}
    </article>
  );
}
