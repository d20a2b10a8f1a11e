import type { Db } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { submitWishFor } from "@/lib/wishes/service";

let n = 0;
/** A wish on the wall, for a beneficiary with marker name and phone (to look for leaks). */
export async function postWish(db: Db, organiser: Actor, over: Record<string, unknown> = {}) {
  n += 1;
  const marker = `受助人${process.pid}x${n}`;
  const phone = `1350${String(process.pid % 1000).padStart(3, "0")}${String(n).padStart(4, "0")}`;
  const r = await submitWishFor(db, organiser, {
    title: "一台收音机",
    story: "奶奶一个人住，想听戏曲广播。",
    category: "goods",
    value: 80,
    alias: "王奶奶",
    beneficiary: { realName: marker, phone, address: "美湖花园 9栋 1单元 101", age: 78, circumstance: "elderly_alone" },
    ...over,
  });
  if (!r.ok) throw new Error(`wish: ${JSON.stringify(r)}`);
  return { id: r.data.id, marker, phone };
}
