import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { reviewStatusOf, type ReviewDetails } from "@/lib/registrations/review-details";
import type { ReviewRow } from "@/lib/registrations/review-queries";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { BULK_FORM_ID, SelectAll } from "./bulk-bar";
import { spanFormatter } from "./format";
import { RowTools } from "./row-tools";

const TONE = { pending: "gold", accepted: "green", waitlisted: "gold", rejected: "red", cancelled: "grey" } as const;

type T = Awaited<ReturnType<typeof getTranslations<"review">>>;
type Span = ReturnType<typeof spanFormatter>;

/** A label from a group of answers; a value the messages do not know is shown as stored. */
const label = (t: T, group: string, value: string | null) =>
  !value ? null : t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value;

/** Time ranges one a line, never broken inside. */
function Spans({ spans, span }: { spans: { startsAt: Date; endsAt: Date; title?: string }[]; span: Span }) {
  return (
    <ul>
      {spans.map((r) => (
        <li key={`${r.startsAt.toISOString()}-${r.title ?? ""}`} className="whitespace-nowrap tabular-nums">
          {r.title ? `${r.title} ` : ""}
          {span(r.startsAt, r.endsAt)}
        </li>
      ))}
    </ul>
  );
}

/** The form's answers as short label–value lines. */
function Details({ d, t, span }: { d: ReviewDetails; t: T; span: Span }) {
  const sep = t("listSeparator");
  const lines: [string, React.ReactNode][] = [];
  if (d.role === "performer") {
    lines.push(
      [
        t("detail.actType"),
        [label(t, "actTypes", d.actType), d.group ? t("detail.group") : t("detail.solo")].filter(Boolean).join(sep),
      ],
      [t("detail.minutes"), d.minutes === null ? null : t("detail.minutesValue", { minutes: d.minutes })],
      [t("detail.performers"), d.performers.join(sep) || null],
      [
        t("detail.stageNeeds"),
        [d.stageNeeds.map((n) => label(t, "stageNeeds", n)).join(sep), d.stageNeedsOther]
          .filter(Boolean)
          .join(t("groupSeparator")) || null,
      ],
      [t("detail.preferredTime"), label(t, "times", d.preferredTime)],
    );
  } else if (d.role === "backstage") {
    lines.push([t("detail.skills"), d.skills.map((s) => label(t, "skills", s)).join(sep) || null]);
    lines.push([t("detail.available"), d.available.length ? <Spans spans={d.available} span={span} /> : null]);
  } else if (d.role === "athlete") {
    lines.push(
      [t("detail.ageGroup"), label(t, "ageGroups", d.ageGroup)],
      [t("detail.emergency"), [d.emergencyName, d.emergencyPhone].filter(Boolean).join(" ") || null],
    );
  } else {
    lines.push(
      [t("detail.level"), label(t, "levels", d.level)],
      [
        t("detail.partnerWanted"),
        [label(t, "partnerKinds", d.partnerKind), d.partnerPhone].filter(Boolean).join(" ") || null,
      ],
    );
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
      {lines
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export interface ReviewTableContext {
  slug: string;
  timeZone: string;
  /** Sports and card/chess events, for moving someone to another of the same kind. */
  events: { id: string; title: string; kind: string }[];
  blocks: { id: string; title: string }[];
}

/** The registrations, a checkbox each for the bulk form, with every fact an organiser decides on. */
export async function ReviewTable({ rows, ctx }: { rows: ReviewRow[]; ctx: ReviewTableContext }) {
  const t = await getTranslations("review");
  const span = spanFormatter(await getFormatter(), ctx.timeZone);
  const sep = t("listSeparator");
  // The tick box and the participant stay in view while the table scrolls sideways.
  const stick1 = "sticky left-0 z-10";
  const stick2 = "sticky left-12 z-10 shadow-[1px_0_0_var(--color-line)]";
  return (
    <Table caption={t("table.caption")}>
      <thead>
        <tr>
          <Th className={`${stick1} w-12 min-w-12`}>
            <SelectAll label={t("table.selectAll")} />
          </Th>
          <Th className={stick2}>{t("table.participant")}</Th>
          <Th>{t("table.registrant")}</Th>
          <Th>{t("table.roleItem")}</Th>
          <Th>{t("table.status")}</Th>
          <Th>{t("table.details")}</Th>
          <Th>{t("table.tools")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const status = reviewStatusOf(r);
          const live = r.status === "confirmed" || r.status === "waitlisted";
          const coPerformers = r.links.filter((l) => l.kind === "co_performer");
          // A named partner who is already the pair's other half needs no second mention.
          const invited = r.links.filter((l) => l.kind === "partner" && (l.declined || l.name !== r.partnerName));
          const linkNames = (ls: typeof r.links) =>
            ls.map((l) => (l.declined ? t("linkDeclined", { name: l.name }) : l.name)).join(sep);
          const address = r.registrant.building
            ? t("address", {
                building: r.registrant.building,
                unit: r.registrant.unit ?? "",
                room: r.registrant.room ?? "",
              })
            : t("noHousehold");
          return (
            // Keyed by version: a row an action changed comes back unticked.
            <tr key={`${r.id}-${r.version}`}>
              <Td className={`${stick1} w-12 min-w-12 bg-white`}>
                <input
                  type="checkbox"
                  name="ids"
                  value={r.id}
                  form={BULK_FORM_ID}
                  aria-label={t("table.selectRow", { name: r.participant.name })}
                  className="h-6 w-6 accent-red-brand"
                />
              </Td>
              <Td className={`${stick2} min-w-24 bg-white whitespace-normal!`}>
                <p className="font-semibold">{r.participant.name}</p>
                {r.participant.age !== null && <p className="text-sm">{t("age", { age: r.participant.age })}</p>}
                {r.participant.child && <Badge tone="grey">{t("child")}</Badge>}
              </Td>
              <Td className="min-w-44 text-sm">
                <p className="text-base">{r.registrant.name ?? t("noAccount")}</p>
                {r.registrant.phone && <p className="tabular-nums">{r.registrant.phone}</p>}
                <p className="text-muted">{address}</p>
                {r.atDeskBy && (
                  <p className="mt-1">
                    <Badge tone="gold">{t("atDeskBy", { name: r.atDeskBy })}</Badge>
                  </p>
                )}
              </Td>
              <Td className="min-w-40 whitespace-normal!">
                <p className="font-semibold">{t(`roles.${r.role}`)}</p>
                {r.item && <p>{r.item.title}</p>}
                {r.details.role === "performer" && r.details.actTitle && <p>{r.details.actTitle}</p>}
                {r.team && <p className="text-sm">{t("team", { team: r.team })}</p>}
                {r.partnerName && <p className="text-sm">{t("partner", { name: r.partnerName })}</p>}
                {coPerformers.length > 0 && (
                  <p className="text-sm">{t("coPerformers", { names: linkNames(coPerformers) })}</p>
                )}
                {invited.length > 0 && <p className="text-sm">{t("invitedPartner", { names: linkNames(invited) })}</p>}
              </Td>
              <Td className="min-w-28 whitespace-normal!">
                <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>
                {r.position !== null && (
                  <p className="mt-1 text-sm font-semibold text-gold-ink">{t("position", { position: r.position })}</p>
                )}
                {r.reason && r.status === "rejected" && (
                  <p className="mt-1 text-sm">{t("reason", { reason: r.reason })}</p>
                )}
              </Td>
              <Td className="min-w-60 whitespace-normal!">
                <Details d={r.details} t={t} span={span} />
                {r.programmeItem && (
                  <p className="mt-1 text-sm">
                    {t("inProgramme", { title: r.programmeItem.title })}{" "}
                    <Link
                      href={`/dashboard/festivals/${ctx.slug}/programme`}
                      className="font-semibold text-red-deep underline underline-offset-4"
                    >
                      {t("openBuilder")}
                    </Link>
                  </p>
                )}
                {r.role === "backstage" && (
                  <div className="mt-1 text-sm">
                    {r.shifts.length ? (
                      <>
                        <p>{t("shiftsLabel")}</p>
                        <Spans spans={r.shifts} span={span} />
                      </>
                    ) : (
                      <p>{t("noShifts")}</p>
                    )}
                  </div>
                )}
              </Td>
              <Td className="whitespace-normal!">
                {r.note && <p className="mb-1 max-w-56 text-sm">{t("note", { note: r.note })}</p>}
                <RowTools
                  id={r.id}
                  name={r.participant.name}
                  note={r.note}
                  moveTargets={
                    r.item && live ? ctx.events.filter((e) => e.kind === r.item!.kind && e.id !== r.item!.id) : null
                  }
                  blocks={r.role === "performer" && status === "accepted" && !r.programmeItem ? ctx.blocks : null}
                  awaitingAcceptance={r.role === "performer" && status === "pending"}
                />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
