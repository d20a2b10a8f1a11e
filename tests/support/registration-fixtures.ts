import { eq } from "drizzle-orm";
import { festivals } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
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
  const sport = await createItem(db, organiser, { festivalSlug: f.slug, title: "拔河比赛", kind: "sport_event", venueId: f.squareId, startsAt: hefei(16, 9), endsAt: hefei(16, 11) });
  const chess = await createItem(db, organiser, { festivalSlug: f.slug, title: "象棋比赛", kind: "card_chess", venueId: f.hallId, startsAt: hefei(16, 9), endsAt: hefei(16, 11) });
  if (!sport.ok || !chess.ok) throw new Error("items");
  await publishProgramme(db, organiser, { festivalSlug: f.slug });
  return { ...f, sportId: sport.data.item.id, chessId: chess.data.item.id };
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
