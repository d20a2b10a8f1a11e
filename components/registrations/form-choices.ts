import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DbOrTx } from "@/db/types";
import type { RegistrationRole } from "@/vocabulary/registrations";
import { festivalDays, zonedToUtc } from "@/lib/festivals/time";
import { listFormItems, type FormFestival } from "@/lib/registrations/form-queries";
import { festivalDay } from "@/components/ui/format";
import type { ItemChoice, SlotChoice } from "./register-form";

/** Parts of a festival day a backstage pioneer can offer, in the festival's time zone. */
const PARTS = [
  { part: "morning", from: "08:00", to: "12:00" },
  { part: "afternoon", from: "13:00", to: "17:00" },
  { part: "evening", from: "18:00", to: "21:00" },
] as const;

/**
 * The events and time slots a role's form offers, in the reader's language and the festival's
 * zone; `held` says what the person (or member) already holds, by participant key.
 */
export async function formChoices(
  db: DbOrTx,
  festival: FormFestival,
  role: RegistrationRole,
  held: { role: string; itemId: string | null; participantKey: string }[],
): Promise<{ items: ItemChoice[]; slots: SlotChoice[] }> {
  const t = await getTranslations("register");
  const format = await getFormatter();
  const tz = festival.timeZone;
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", timeZone: tz });
  const dayLabel = (iso: string) =>
    format.dateTime(festivalDay(iso), { month: "long", day: "numeric", weekday: "short", timeZone: "Asia/Shanghai" });
  let items: ItemChoice[] = [];
  if (role === "athlete" || role === "player") {
    const rows = await listFormItems(db, festival.slug, role);
    items = rows.map((i) => ({
      id: i.id,
      title: i.title,
      when: [
        format.dateTime(new Date(i.startsAt), { month: "long", day: "numeric", weekday: "short", timeZone: tz }),
        `${time(new Date(i.startsAt))}–${time(new Date(i.endsAt))}`,
        i.venue,
      ]
        .filter(Boolean)
        .join(" · "),
      left: i.left,
      waiting: i.waiting,
      teams: i.teams,
      held: held.filter((r) => r.role === role && r.itemId === i.id).map((r) => r.participantKey),
    }));
  }
  const slots: SlotChoice[] =
    role === "backstage"
      ? festivalDays(festival).flatMap((day) =>
          PARTS.map((p) => ({
            startsAt: zonedToUtc(`${day}T${p.from}`, tz).toISOString(),
            endsAt: zonedToUtc(`${day}T${p.to}`, tz).toISOString(),
            label: t("slot", { day: dayLabel(day), part: t(`parts.${p.part}`), from: p.from, to: p.to }),
          })),
        )
      : [];
  return { items, slots };
}
