import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { WishAdminRow } from "@/lib/wishes/admin-queries";
import { VETTABLE } from "@/lib/wishes/admin-forms";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ConfirmTool, ReleaseTool } from "./wish-row-tools";
import { SelectAllWishes, WISH_VET_FORM_ID } from "./wish-vetting-bar";
import { hoursAndMinutes } from "../time";

const TONE = {
  pending: "gold",
  changes: "gold",
  rejected: "red",
  open: "green",
  claimed: "gold",
  fulfilled: "gold",
  done: "green",
} as const;
const TIME_ZONE = "Asia/Shanghai";
/** States the wall shows a wish in (a done one in its gallery). */
const ON_WALL = new Set(["open", "claimed", "fulfilled", "done"]);

/** A thumbnail opening the photo itself (the wish photos route lets organisers see every one). */
function Thumbnail({ photoId, alt }: { photoId: string; alt: string }) {
  const src = `/api/wishes/photos/${photoId}`;
  return (
    <a href={src} className="mt-2 inline-block rounded-lg" target="_blank" rel="noopener">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own route serves an already scaled JPEG */}
      <img
        src={src}
        alt={alt}
        width={80}
        height={80}
        loading="lazy"
        className="h-20 w-20 rounded-lg border border-line object-cover"
      />
    </a>
  );
}

/**
 * The organisers' wish list: the wish as the wall shows it, the beneficiary as only organisers see
 * them, the state, and who holds the claim with the fulfilment note and photo — and per row,
 * confirming a fulfilled wish or releasing a stuck claim.
 */
export async function WishTable({ rows, vetting, back }: { rows: WishAdminRow[]; vetting: boolean; back: string }) {
  const t = await getTranslations("wishAdmin");
  const tw = await getTranslations("wishes");
  const format = await getFormatter();
  const time = (minutes: number) => (minutes ? tw("time", hoursAndMinutes(minutes)) : tw("noTime"));
  const when = (d: Date) =>
    format.dateTime(d, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: TIME_ZONE,
    });
  // A calendar day ("2026-12-22") as the reader writes dates.
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone: "UTC",
    });
  const vettable = new Set<string>(VETTABLE);
  return (
    <Table caption={t("table.caption")}>
      <thead>
        <tr>
          {vetting && (
            <Th className="w-12 min-w-12">
              <SelectAllWishes label={t("table.selectAll")} />
            </Th>
          )}
          <Th>{t("table.wish")}</Th>
          <Th>{t("table.beneficiary")}</Th>
          <Th>{t("table.status")}</Th>
          <Th>{t("table.claim")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const b = r.beneficiary;
          const c = r.claim;
          return (
            <tr key={r.id}>
              {vetting && (
                <Td className="w-12 min-w-12">
                  {vettable.has(r.status) && (
                    // Keyed by version: a row an action changed comes back unticked.
                    <input
                      key={r.version}
                      type="checkbox"
                      name="ids"
                      value={r.id}
                      form={WISH_VET_FORM_ID}
                      aria-label={t("table.selectRow", { alias: r.alias, title: r.title })}
                      className="h-6 w-6 accent-red-brand"
                    />
                  )}
                </Td>
              )}
              <Td className="min-w-56 whitespace-normal!">
                <p className="text-lg font-semibold">{r.alias}</p>
                <p className="font-semibold">{r.title}</p>
                <p className="text-sm">
                  {t(`categories.${r.category}`)}
                  {r.value > 0 && <> · {t("table.value", { value: r.value })}</>}
                  {r.wantedBy && <> · {t("table.wantedBy", { date: day(r.wantedBy) })}</>}
                </p>
                <p className="mt-1 text-sm text-muted">{r.story}</p>
                {r.photoId && <Thumbnail photoId={r.photoId} alt={t("table.photoOf", { alias: r.alias })} />}
                {ON_WALL.has(r.status) && (
                  <p className="mt-1">
                    <Link
                      href={`/wishes/${r.id}`}
                      aria-label={t("table.onWallOf", { alias: r.alias })}
                      className="text-sm font-semibold underline underline-offset-4"
                    >
                      {t("table.onWall")}
                    </Link>
                  </p>
                )}
              </Td>
              <Td className="min-w-44 whitespace-normal!">
                <p className="font-semibold">{b.realName}</p>
                <p className="text-sm">
                  {t("table.age", { age: b.age })} · {t(`circumstances.${b.circumstance}`)}
                </p>
                {b.phone && <p className="text-sm tabular-nums">{b.phone}</p>}
                <p className="text-sm text-muted">{b.household ?? b.address ?? t("table.noAddress")}</p>
              </Td>
              <Td className="min-w-36 whitespace-normal!">
                <Badge tone={TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
                {r.reason && (r.status === "rejected" || r.status === "changes") && (
                  <p className="mt-1 text-sm">{t("table.reason", { reason: r.reason })}</p>
                )}
                <p className="mt-1 text-sm text-muted">
                  {t("table.submitted", { name: r.submittedByName ?? t("table.someone"), date: when(r.createdAt) })}
                </p>
              </Td>
              <Td className="min-w-64 whitespace-normal!">
                {!c ? (
                  <span className="text-muted">{t("table.noClaim")}</span>
                ) : (
                  <>
                    <p className="font-semibold">
                      {c.volunteerName} <span className="text-sm font-normal tabular-nums">{c.volunteerPhone}</span>
                    </p>
                    <p className="text-sm tabular-nums">{t("table.claimedAt", { date: when(c.claimedAt) })}</p>
                    {c.status === "active" && (
                      <p className="text-sm tabular-nums">{t("table.lapsesAt", { date: when(c.lapsesAt) })}</p>
                    )}
                    {c.note && (
                      <div className="mt-1 border-l-4 border-gold pl-2">
                        <p className="text-sm font-semibold">
                          {t("table.note", { date: c.fulfilledAt ? when(c.fulfilledAt) : "" })}
                        </p>
                        <p className="text-sm">{c.note}</p>
                        {c.declaredMinutes !== null && (
                          <p className="text-sm">{t("table.declared", { time: time(c.declaredMinutes) })}</p>
                        )}
                        {c.photoId && (
                          <Thumbnail photoId={c.photoId} alt={t("table.fulfilmentPhoto", { alias: r.alias })} />
                        )}
                      </div>
                    )}
                    {c.status === "confirmed" && c.confirmedAt && (
                      <p className="mt-1 text-sm font-semibold text-green-ink">
                        {t("table.confirmedAt", { date: when(c.confirmedAt), name: c.volunteerName })}
                      </p>
                    )}
                    {c.status === "confirmed" && c.confirmedMinutes !== null && (
                      <p className="text-sm">{t("table.confirmedTime", { time: time(c.confirmedMinutes) })}</p>
                    )}
                    {r.thanks && <p className="mt-1 text-sm">{t("table.thanks", { thanks: r.thanks })}</p>}
                    {c.status === "fulfilled" && (
                      <ConfirmTool claimId={c.id} alias={r.alias} back={back} declaredMinutes={c.declaredMinutes} />
                    )}
                    {(c.status === "active" || c.status === "fulfilled") && (
                      <ReleaseTool claimId={c.id} alias={r.alias} back={back} />
                    )}
                  </>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
