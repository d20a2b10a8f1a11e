import type { Actor } from "@/lib/actor";
import type { Db } from "@/db/types";
import { createFestival } from "@/lib/festivals/service";
import { createVenue } from "@/lib/festivals/programme-service";

let n = 0;
/** A draft festival on 16–17 January 2027 (Asia/Shanghai) with a hall and a square. */
export async function makeFestival(db: Db, organiser: Actor) {
  n += 1;
  const slug = `test-${process.pid}-${n}`;
  const f = await createFestival(db, organiser, {
    slug,
    title: "测试邻里节",
    edition: 20 + n,
    startsOn: "2027-01-16",
    endsOn: "2027-01-17",
  });
  if (!f.ok) throw new Error(`festival: ${JSON.stringify(f)}`);
  const hall = await createVenue(db, organiser, { festivalSlug: slug, name: "多功能厅", capacity: 200 });
  const square = await createVenue(db, organiser, { festivalSlug: slug, name: "社区广场", position: 1 });
  if (!hall.ok || !square.ok) throw new Error("venues");
  return { slug, hallId: hall.data.id, squareId: square.data.id };
}

/** "2027-01-16 09:30" in Hefei as an ISO instant. */
export const hefei = (day: 16 | 17, hh: number, mm = 0) => new Date(Date.UTC(2027, 0, day, hh - 8, mm)).toISOString();
