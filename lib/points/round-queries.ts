import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { rewardAwards, rewardBands, rewardRounds, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone } from "@/lib/validation";
import type { RewardRoundStatus } from "@/vocabulary/points";
import { bandFor, roundStandings } from "./rounds";

// Reads of the year-end reward round: for organisers the bands and who falls in each (a preview
// while a draft, the list as recorded after), for a member the rewards they were given.

export interface RoundBand {
  id: string;
  minPoints: number;
  reward: string;
  /** How many fall in it: now (a draft) or as recorded. */
  people: number;
}

export interface RoundRow {
  /** The recorded award, to mark handed over; null in a draft's preview. */
  awardId: string | null;
  name: string;
  /** Masked, as on every list: enough to tell two people of one name apart. */
  phoneMasked: string | null;
  points: number;
  reward: string | null;
  handedAt: Date | null;
}

export interface RewardRoundView {
  year: number;
  status: RewardRoundStatus;
  recordedAt: Date | null;
  recordedByName: string | null;
  bands: RoundBand[];
  /** In a band, most points first. */
  rows: RoundRow[];
  /** Post members whose points reach no band. */
  below: number;
  handed: number;
}

const recorder = alias(users, "recorder");

export async function getRewardRound(db: DbOrTx, actor: Actor | null, year: number): Promise<Result<RewardRoundView>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [round] = await db
    .select({
      id: rewardRounds.id,
      status: rewardRounds.status,
      recordedAt: rewardRounds.recordedAt,
      recordedByName: recorder.name,
    })
    .from(rewardRounds)
    .leftJoin(recorder, eq(recorder.id, rewardRounds.recordedBy))
    .where(eq(rewardRounds.year, year));
  const bands = round
    ? await db
        .select({ id: rewardBands.id, minPoints: rewardBands.minPoints, reward: rewardBands.reward })
        .from(rewardBands)
        .where(eq(rewardBands.roundId, round.id))
        .orderBy(desc(rewardBands.minPoints))
    : [];
  const standings = await roundStandings(db, year);
  let rows: (Omit<RoundRow, "phoneMasked"> & { phone: string | null; minPoints: number | null })[];
  if (round?.status === "recorded") {
    rows = await db
      .select({
        awardId: rewardAwards.id,
        name: rewardAwards.name,
        phone: users.phone,
        points: rewardAwards.points,
        reward: rewardAwards.reward,
        handedAt: rewardAwards.handedAt,
        minPoints: rewardAwards.minPoints,
      })
      .from(rewardAwards)
      .leftJoin(users, eq(users.id, rewardAwards.userId))
      .where(eq(rewardAwards.roundId, round.id))
      .orderBy(desc(rewardAwards.points), asc(rewardAwards.name));
  } else {
    const ids = standings.flatMap((s) => (s.userId && bandFor(bands, s.points) ? [s.userId] : []));
    const phones = new Map(
      ids.length
        ? (await db.select({ id: users.id, phone: users.phone }).from(users).where(inArray(users.id, ids))).map((u) => [
            u.id,
            u.phone,
          ])
        : [],
    );
    rows = standings.flatMap((s) => {
      const band = bandFor(bands, s.points);
      return band
        ? [
            {
              awardId: null,
              name: s.name,
              phone: s.userId ? (phones.get(s.userId) ?? null) : null,
              points: s.points,
              reward: band.reward,
              handedAt: null,
              minPoints: band.minPoints,
            },
          ]
        : [];
    });
  }
  return ok({
    year,
    status: round?.status ?? "draft",
    recordedAt: round?.recordedAt ?? null,
    recordedByName: round?.recordedByName ?? null,
    bands: bands.map((b) => ({ ...b, people: rows.filter((r) => r.minPoints === b.minPoints).length })),
    rows: rows.map((r) => ({
      awardId: r.awardId,
      name: r.name,
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
      points: r.points,
      reward: r.reward,
      handedAt: r.handedAt,
    })),
    below: round?.status === "recorded" ? Math.max(0, standings.length - rows.length) : standings.length - rows.length,
    handed: rows.filter((r) => r.handedAt).length,
  });
}

export interface MyReward {
  year: number;
  reward: string;
  points: number;
  handedAt: Date | null;
}

/** A member: the year-end rewards they were given, newest year first. */
export async function getMyRewards(db: DbOrTx, actor: Actor): Promise<MyReward[]> {
  return db
    .select({
      year: rewardRounds.year,
      reward: rewardAwards.reward,
      points: rewardAwards.points,
      handedAt: rewardAwards.handedAt,
    })
    .from(rewardAwards)
    .innerJoin(rewardRounds, eq(rewardRounds.id, rewardAwards.roundId))
    .where(eq(rewardAwards.userId, actor.id))
    .orderBy(desc(rewardRounds.year));
}
