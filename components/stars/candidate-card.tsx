import { useFormatter, useTranslations } from "next-intl";
import { ReadAloud } from "@/components/ui/read-aloud";
import { ReceiptPrintButton } from "./receipt-print-button";

export interface CandidateView {
  id: string;
  name: string;
  building: string | null;
  /** The nomination's story, then those of nominations merged into it. */
  stories: string[];
  photoId: string | null;
}

export const photoUrl = (id: string) => `/api/stars/photos/${id}`;

/** A candidate's photo, or a gold star where there is none. */
export function CandidatePhoto({
  candidate,
  className = "size-24 sm:size-32",
}: {
  candidate: Pick<CandidateView, "name" | "photoId">;
  className?: string;
}) {
  const t = useTranslations("stars");
  if (!candidate.photoId) {
    return (
      <span
        aria-hidden="true"
        className={`grid shrink-0 place-items-center rounded-xl bg-gold-soft text-5xl text-gold senior:hidden ${className}`}
      >
        ★
      </span>
    );
  }
  return (
    // Photos are already scaled on upload and served from the database: no image optimiser needed.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={photoUrl(candidate.photoId)}
      alt={t("photoOf", { name: candidate.name })}
      loading="lazy"
      className={`shrink-0 rounded-xl border border-line bg-stone-100 object-cover ${className}`}
    />
  );
}

/**
 * A candidate as residents see them: photo, name, building (never the room) and every story told
 * about them. `children` is where a ballot puts its choice.
 */
export function CandidateCard({
  candidate,
  headingLevel = 3,
  chosen = false,
  children,
}: {
  candidate: CandidateView;
  headingLevel?: 3 | 4;
  chosen?: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations("stars");
  const Heading = `h${headingLevel}` as "h3";
  return (
    <article
      className={`flex flex-col gap-3 rounded-[var(--radius-card)] border-2 bg-white p-[16px] shadow-sm sm:p-5 ${chosen ? "border-red-brand" : "border-line"}`}
    >
      <div className="flex flex-wrap items-center gap-4">
        <CandidatePhoto candidate={candidate} />
        <div className="min-w-0 flex-[1_1_8rem]">
          {/* The button keeps its place beside the name even while it is hidden (see ReadAloud). */}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Heading className="min-w-0 text-2xl font-bold break-words text-red-deep">{candidate.name}</Heading>
            <ReadAloud
              parts={[
                candidate.name,
                candidate.building && t("building", { building: candidate.building }),
                ...candidate.stories,
              ]}
            />
          </div>
          {candidate.building && (
            <p className="text-lg text-muted">{t("building", { building: candidate.building })}</p>
          )}
        </div>
      </div>
      <div className="flex flex-col gap-3 text-lg">
        {candidate.stories.map((story, i) => (
          <div key={i} className={i > 0 ? "border-t border-line pt-3" : undefined}>
            {i > 0 && <p className="text-base font-semibold text-muted">{t("anotherStory")}</p>}
            <p className="break-words whitespace-pre-line">{story}</p>
          </div>
        ))}
      </div>
      {children}
    </article>
  );
}

/**
 * Just cast: whom I chose and my receipt, said once and printable. Neither is kept with my name,
 * so this is the only time the site shows them to me.
 */
export function ReceiptNote({ names, receipt }: { names: string[]; receipt: string }) {
  const t = useTranslations("stars");
  const format = useFormatter();
  return (
    <div
      data-receipt=""
      className="flex flex-col gap-2 rounded-xl border-l-4 border-green-ink bg-green-soft px-4 py-3 text-lg text-green-ink"
    >
      <p className="text-xl font-bold">{t("ballot.done")}</p>
      <p className="text-ink">{t("voted.youVotedFor", { names: format.list(names, { type: "conjunction" }) })}</p>
      <p className="text-ink">
        {t.rich("voted.receipt", {
          receipt,
          code: (chunks) => <strong className="font-mono text-2xl tracking-wider">{chunks}</strong>,
        })}
      </p>
      <p className="text-base text-ink">{t("voted.receiptHint")}</p>
      <ReceiptPrintButton label={t("voted.print")} />
    </div>
  );
}

/** A ballot cast before: that I voted, never for whom. */
export function VotedNote() {
  const t = useTranslations("stars");
  return (
    <div className="flex flex-col gap-1 rounded-xl border-l-4 border-green-ink bg-green-soft px-4 py-3 text-lg text-green-ink">
      <p className="text-xl font-bold">{t("voted.title")}</p>
      <p className="text-ink">{t("voted.secret")}</p>
    </div>
  );
}
