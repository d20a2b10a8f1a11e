import { eq } from "drizzle-orm";
import sharp from "sharp";
import { festivals } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { setFestivalStatus } from "@/lib/festivals/service";
import { createCategory } from "@/lib/stars/service";
import { makeFestival } from "./festival-fixtures";

const HOUR = 3600_000;

/** A published festival whose nominations are open now and whose voting comes in a day. */
export async function starFestival(
  db: Db,
  organiser: Actor,
  categories: {
    name?: string;
    winners?: number;
    votesPerVoter?: number;
    mode?: "resident" | "household";
    nominationCap?: number;
  }[] = [{}],
) {
  const f = await makeFestival(db, organiser);
  const now = Date.now();
  await setWindows(db, f.slug, "nominating", now);
  await setFestivalStatus(db, organiser, { slug: f.slug, status: "published" });
  const ids: string[] = [];
  for (const [i, c] of categories.entries()) {
    const r = await createCategory(db, organiser, {
      festivalSlug: f.slug,
      name: c.name ?? `热心公益之星${i + 1}`,
      description: "",
      winners: c.winners ?? 1,
      votesPerVoter: c.votesPerVoter ?? 1,
      mode: c.mode ?? "resident",
      nominationCap: c.nominationCap ?? 2,
    });
    if (!r.ok) throw new Error(`category: ${JSON.stringify(r)}`);
    ids.push(r.data.id);
  }
  return { ...f, categoryIds: ids };
}

/** Moves the festival's windows so that now is while nominating, while voting, or after voting. */
export async function setWindows(db: Db, slug: string, phase: "nominating" | "voting" | "closed", now = Date.now()) {
  const at = (h: number) => new Date(now + h * HOUR);
  const windows = {
    nominating: {
      nominationOpensAt: at(-24),
      nominationClosesAt: at(24),
      votingOpensAt: at(25),
      votingClosesAt: at(48),
    },
    voting: { nominationOpensAt: at(-48), nominationClosesAt: at(-25), votingOpensAt: at(-24), votingClosesAt: at(24) },
    closed: { nominationOpensAt: at(-72), nominationClosesAt: at(-49), votingOpensAt: at(-48), votingClosesAt: at(-1) },
  }[phase];
  await db.update(festivals).set(windows).where(eq(festivals.slug, slug));
}

export const named = (slug: string, categoryId: string, name: string, extra: Record<string, unknown> = {}) => ({
  festivalSlug: slug,
  categoryId,
  nominee: { kind: "named", name, building: "美湖花园 3栋", unit: "2单元" },
  story: `${name}热心帮助邻居，大家都很感谢。`,
  ...extra,
});

/** A small real image in the given format. */
export async function image(format: "png" | "jpeg" | "webp", width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } })
    [format]()
    .toBuffer();
}
