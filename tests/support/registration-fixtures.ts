import { eq } from "drizzle-orm";
import { festivals } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { createItem, publishProgramme } from "@/lib/festivals/programme-service";
import { setFestivalStatus } from "@/lib/festivals/service";
import { hefei, makeFestival } from "./festival-fixtures";

/** A published festival with registration open now, a tug-of-war and a chess competition. */
export async function openFestival(db: Db, organiser: Actor) {
  const f = await makeFestival(db, organiser);
  const now = Date.now();
  await db
    .update(festivals)
    .set({ registrationOpensAt: new Date(now - 86_400_000), registrationClosesAt: new Date(now + 86_400_000) })
    .where(eq(festivals.slug, f.slug));
  await setFestivalStatus(db, organiser, { slug: f.slug, status: "published" });
  const sport = await createItem(db, organiser, {
    festivalSlug: f.slug,
    title: "拔河比赛",
    kind: "sport_event",
    venueId: f.squareId,
    startsAt: hefei(16, 9),
    endsAt: hefei(16, 11),
  });
  const chess = await createItem(db, organiser, {
    festivalSlug: f.slug,
    title: "象棋比赛",
    kind: "card_chess",
    venueId: f.hallId,
    startsAt: hefei(16, 9),
    endsAt: hefei(16, 11),
  });
  const relay = await createItem(db, organiser, {
    festivalSlug: f.slug,
    title: "接力跑",
    kind: "sport_event",
    venueId: f.squareId,
    startsAt: hefei(16, 14),
    endsAt: hefei(16, 15),
  });
  const block = await createItem(db, organiser, {
    festivalSlug: f.slug,
    title: "文艺汇演",
    kind: "performance_block",
    venueId: f.hallId,
    startsAt: hefei(17, 9),
    endsAt: hefei(17, 11),
  });
  if (!sport.ok || !chess.ok || !relay.ok || !block.ok) throw new Error("items");
  await publishProgramme(db, organiser, { festivalSlug: f.slug });
  return {
    ...f,
    sportId: sport.data.item.id,
    chessId: chess.data.item.id,
    relayId: relay.data.item.id,
    blockId: block.data.item.id,
  };
}

export const athlete = (slug: string, itemId: string, extra: Record<string, unknown> = {}) => ({
  festivalSlug: slug,
  participant: { kind: "self" },
  role: "athlete",
  itemId,
  ageGroup: "adult",
  emergencyName: "王秀英",
  emergencyPhone: "13800000002",
  healthDeclaration: true,
  ...extra,
});

export const performer = (slug: string, extra: Record<string, unknown> = {}) => ({
  festivalSlug: slug,
  participant: { kind: "self" },
  role: "performer",
  actTitle: "茉莉花",
  actType: "choir",
  group: false,
  minutes: 6,
  ...extra,
});

export const player = (slug: string, itemId: string, extra: Record<string, unknown> = {}) => ({
  festivalSlug: slug,
  participant: { kind: "self" },
  role: "player",
  itemId,
  level: "intermediate",
  partner: { kind: "none" },
  ...extra,
});

export const backstage = (slug: string, extra: Record<string, unknown> = {}) => ({
  festivalSlug: slug,
  participant: { kind: "self" },
  role: "backstage",
  skills: ["sound"],
  available: [{ startsAt: "2027-01-16T01:00:00.000Z", endsAt: "2027-01-16T09:00:00.000Z" }],
  ...extra,
});
