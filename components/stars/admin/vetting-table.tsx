import { getFormatter, getTranslations } from "next-intl/server";
import { mergeTargetsFor, type MergeCandidate, type VettingItem } from "@/lib/stars/admin-queries";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { MergeTools, StoryEditor } from "./nomination-tools";
import { SelectAllNominations, VET_FORM_ID } from "./vetting-bulk-bar";

const TONE = { pending: "gold", approved: "green", rejected: "red", declined: "grey", merged: "grey" } as const;
/** The states an organiser's approve or reject can change. */
const VETTABLE = new Set(["pending", "approved", "rejected"]);
const MERGEABLE = new Set(["pending", "approved"]);

/** A thumbnail of the nomination's photo, opening the photo itself. */
function Thumbnail({ photoId, alt }: { photoId: string; alt: string }) {
  const src = `/api/stars/photos/${photoId}`;
  return (
    <a href={src} className="mt-2 inline-block rounded-lg" target="_blank" rel="noopener">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own route serves an already scaled JPEG */}
      <img
        src={src}
        alt={alt}
        width={96}
        height={96}
        loading="lazy"
        className="h-24 w-24 rounded-lg border border-line object-cover"
      />
    </a>
  );
}

/**
 * The nominations with everything vetting needs: who is nominated and where they live, the story
 * and photo (with stories merged into it below), who nominated and when, and the state.
 */
export async function VettingTable({
  slug,
  rows,
  mergeCandidates,
  locked,
  timeZone,
}: {
  slug: string;
  rows: VettingItem[];
  mergeCandidates: MergeCandidate[];
  locked: boolean;
  timeZone: string;
}) {
  const t = await getTranslations("starsAdmin.vetting");
  const status = await getTranslations("starsAdmin.vetting.statuses");
  const format = await getFormatter();
  const date = (d: Date) =>
    format.dateTime(d, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
  const where = (r: VettingItem) => [r.building, r.unit].filter(Boolean).join(" ");
  const targetLabel = (c: MergeCandidate) => [c.nomineeName, c.building, status(c.status)].filter(Boolean).join(" · ");
  return (
    <Table caption={t("caption")}>
      <thead>
        <tr>
          {!locked && (
            <Th className="w-12 min-w-12">
              <SelectAllNominations label={t("selectAll")} />
            </Th>
          )}
          <Th>{t("nominee")}</Th>
          <Th>{t("story")}</Th>
          <Th>{t("nominator")}</Th>
          <Th>{t("state")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const targets =
            !locked && MERGEABLE.has(r.status)
              ? mergeTargetsFor(r, mergeCandidates).map((c) => ({ id: c.id, label: targetLabel(c) }))
              : null;
          return (
            <tr key={r.id}>
              {!locked && (
                <Td className="w-12 min-w-12">
                  {VETTABLE.has(r.status) && (
                    // Keyed by version: a row an action changed comes back unticked.
                    <input
                      key={r.version}
                      type="checkbox"
                      name="ids"
                      value={r.id}
                      form={VET_FORM_ID}
                      aria-label={t("selectRow", { name: r.nomineeName, category: r.categoryName })}
                      className="h-6 w-6 accent-red-brand"
                    />
                  )}
                </Td>
              )}
              <Td className="min-w-40 whitespace-normal!">
                <p className="text-lg font-semibold">{r.nomineeName}</p>
                <p className="text-sm">{r.accountName ? t("accountOf", { name: r.accountName }) : t("named")}</p>
                <p className="text-sm text-muted">{where(r) || t("noAddress")}</p>
                <p className="mt-1 text-sm font-semibold">{r.categoryName}</p>
              </Td>
              <Td className="min-w-72 whitespace-normal!">
                <p>{r.story}</p>
                {r.photoId && <Thumbnail photoId={r.photoId} alt={t("photoOf", { name: r.nomineeName })} />}
                {r.merged.length > 0 && (
                  <div className="mt-2 border-l-4 border-gold pl-3">
                    <p className="text-sm font-semibold">{t("mergedStories", { count: r.merged.length })}</p>
                    <ul className="flex flex-col gap-1">
                      {r.merged.map((m) => (
                        <li key={m.id} className="text-sm">
                          {m.story}{" "}
                          <span className="text-muted">
                            {t("mergedFrom", { name: m.nominatorName, date: date(m.createdAt) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <StoryEditor slug={slug} id={r.id} name={r.nomineeName} version={r.version} story={r.story} />
              </Td>
              <Td className="min-w-36 text-sm">
                <p className="text-base">{r.nominatorName}</p>
                <p className="tabular-nums">{r.nominatorPhone}</p>
                <p className="text-muted tabular-nums">{date(r.createdAt)}</p>
              </Td>
              <Td className="min-w-32 whitespace-normal!">
                <Badge tone={TONE[r.status]}>{status(r.status)}</Badge>
                {r.reason && r.status === "rejected" && (
                  <p className="mt-1 text-sm">{t("reason", { reason: r.reason })}</p>
                )}
                {r.mergedInto && <p className="mt-1 text-sm">{t("mergedInto", { name: r.mergedInto.nomineeName })}</p>}
                {targets && <MergeTools slug={slug} id={r.id} name={r.nomineeName} targets={targets} />}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
