import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, notifications, wishClaims, wishes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { balanceOf } from "@/lib/points/service";
import { listLedger } from "@/lib/points/admin-queries";
import { wishAdminFilterSchema } from "./admin-forms";
import { countWishes, listWishesForAdmin } from "./admin-queries";
import { claimWish, confirmFulfilment, fulfilClaim, releaseClaim, submitOwnWish } from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const volunteer = async (name = "志愿者") =>
  actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true, name })).id);
const filters = (q: Record<string, string> = {}) => wishAdminFilterSchema.parse(q);

describe("an organiser releases a stuck claim", () => {
  it("withdraws the active claim, reopens the wish, tells the volunteer and logs it; nothing else", async () => {
    const w = await postWish(t.db, organiser);
    const v = await volunteer();
    const { claimId } = must(await claimWish(t.db, v, w.id));
    expect(await releaseClaim(t.db, v, { claimId })).toEqual({ ok: false, code: "forbidden" });
    must(await releaseClaim(t.db, organiser, { claimId, reason: "联系不上志愿者" }));
    const [c] = await t.db.select().from(wishClaims).where(eq(wishClaims.id, claimId));
    expect(c.status).toBe("withdrawn");
    expect((await t.db.select({ s: wishes.status }).from(wishes).where(eq(wishes.id, w.id)))[0].s).toBe("open");
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, v.id));
    expect(told.map((n) => n.kind)).toContain("wish.released");
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.targetId, w.id));
    expect(logged.map((l) => `${l.action}:${l.outcome}`)).toContain("wishes.release:ok");
    // Released once, the second finds nothing; a fulfilled one the beneficiary denies can be released too.
    const before = await snapshot(t.db);
    expect(await releaseClaim(t.db, organiser, { claimId })).toEqual({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toBe(before);
    const other = must(await claimWish(t.db, v, w.id));
    must(await fulfilClaim(t.db, v, { claimId: other.claimId, note: "送到了。", hours: 1 }));
    must(await releaseClaim(t.db, organiser, { claimId: other.claimId }));
    expect(await releaseClaim(t.db, organiser, { claimId: other.claimId })).toEqual({ ok: false, code: "not_found" });
    expect(await releaseClaim(t.db, organiser, { claimId: "nope" })).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("the organisers' wish list", () => {
  it("shows the beneficiary and the claim, counts by status, and searches alias, title, name and phone", async () => {
    // Letters only: an alias may not carry numbers.
    const marker = `寻找${process.pid.toString().replace(/[0-9]/g, (d) => "甲乙丙丁戊己庚辛壬癸"[Number(d)])}`;
    const w = await postWish(t.db, organiser, { alias: `${marker}奶奶`, title: "一副老花镜" });
    const v = await volunteer(`小刘${process.pid}`);
    const { claimId } = must(await claimWish(t.db, v, w.id));
    must(await fulfilClaim(t.db, v, { claimId, note: "配好了眼镜。", hours: 1 }));

    const byAlias = must(await listWishesForAdmin(t.db, organiser, filters({ q: marker })));
    expect(byAlias.total).toBe(1);
    const row = byAlias.rows[0];
    expect(row).toMatchObject({
      id: w.id,
      title: "一副老花镜",
      status: "fulfilled",
      beneficiary: { realName: w.marker, phone: w.phone, age: 78, circumstance: "elderly_alone" },
    });
    expect(row.claim).toMatchObject({
      id: claimId,
      status: "fulfilled",
      volunteerName: `小刘${process.pid}`,
      note: "配好了眼镜。",
    });
    expect(must(await listWishesForAdmin(t.db, organiser, filters({ q: w.marker }))).rows.map((r) => r.id)).toEqual([
      w.id,
    ]);
    expect(must(await listWishesForAdmin(t.db, organiser, filters({ q: w.phone }))).rows.map((r) => r.id)).toEqual([
      w.id,
    ]);
    // A LIKE wildcard is searched for literally.
    expect(must(await listWishesForAdmin(t.db, organiser, filters({ q: "%" }))).total).toBe(0);

    const counts = must(await countWishes(t.db, organiser, filters({ q: marker })));
    expect(counts).toMatchObject({ all: 1, fulfilled: 1, open: 0 });
    expect(must(await listWishesForAdmin(t.db, organiser, filters({ q: marker, status: "open" }))).total).toBe(0);
    expect(
      must(
        await listWishesForAdmin(
          t.db,
          organiser,
          filters({ q: marker, status: "fulfilled", category: "goods", circumstance: "elderly_alone" }),
        ),
      ).total,
    ).toBe(1);
    expect(must(await listWishesForAdmin(t.db, organiser, filters({ q: marker, circumstance: "child" }))).total).toBe(
      0,
    );

    // Confirmed: still shown with its claim, and the volunteer has the points.
    must(await confirmFulfilment(t.db, organiser, { claimId, thanks: "谢谢！" }));
    const done = must(await listWishesForAdmin(t.db, organiser, filters({ q: marker }))).rows[0];
    expect(done).toMatchObject({ status: "done", thanks: "谢谢！", claim: { status: "confirmed" } });
    expect(await balanceOf(t.db, v.id)).toBe(10);
    // The ledger says what the points were for: the wish's title.
    const ledger = must(await listLedger(t.db, organiser, new Date().getUTCFullYear(), 1, 500));
    expect(ledger.rows.find((e) => e.userId === v.id)).toMatchObject({
      kind: "wish_fulfilled",
      points: 10,
      reason: "一副老花镜",
    });
  });

  it("a resident's own wish waits in the pending tab; bad filters in the address are ignored", async () => {
    const me = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: `自助${process.pid}` })).id);
    const { id } = must(
      await submitOwnWish(t.db, me, {
        title: `陪诊${process.pid}`,
        story: "想有人陪我去医院。",
        category: "companionship",
        value: 30,
        alias: "李爷爷",
        age: 81,
        circumstance: "elderly_alone",
      }),
    );
    const list = must(
      await listWishesForAdmin(t.db, organiser, filters({ status: "pending", q: `陪诊${process.pid}` })),
    );
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(list.rows[0]).toMatchObject({ claim: null, submittedByName: `自助${process.pid}` });
    expect(filters({ status: "lost", category: "money", page: "-3" })).toEqual({ page: 1 });
  });
});
