import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { festivals, starNominations, photos } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { setFestivalStatus } from "@/lib/festivals/service";
import { createCategory, vetNominations } from "@/lib/stars/service";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import { makeFestival } from "@/tests/support/festival-fixtures";

// The residents' star routes, called as the browser would: the session and the database are the
// test's own, everything else is the real handler.

let t: TestDb;
let session: Actor | null = null;
vi.mock("@/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session }));

const { POST: nominateRoute } = await import("./nominations/route");
const { POST: ballotRoute } = await import("./ballots/route");
const { GET: photoRoute } = await import("./photos/[id]/route");

const ORIGIN = "http://linli.test";
let organiser: Actor;
let resident: Actor;
let slug: string;
let categoryId: string;

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  resident = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "王秀英" })).id);
  const f = await makeFestival(t.db, organiser);
  slug = f.slug;
  const now = Date.now();
  await t.db
    .update(festivals)
    .set({
      nominationOpensAt: new Date(now - 86_400_000),
      nominationClosesAt: new Date(now + 86_400_000),
      votingOpensAt: new Date(now + 2 * 86_400_000),
      votingClosesAt: new Date(now + 3 * 86_400_000),
    })
    .where(eq(festivals.slug, slug));
  await setFestivalStatus(t.db, organiser, { slug, status: "published" });
  const c = await createCategory(t.db, organiser, {
    festivalSlug: slug,
    name: "邻里互助之星",
    description: "",
    winners: 1,
    votesPerVoter: 1,
    mode: "resident",
  });
  if (!c.ok) throw new Error("category");
  categoryId = c.data.id;
});
afterAll(async () => t?.close());

function form(fields: Record<string, string>, photo?: { bytes: Buffer; name: string; type: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (photo) fd.set("photo", new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type }));
  return fd;
}

const named = (name: string) => ({
  festivalSlug: slug,
  categoryId,
  nomineeKind: "named",
  name,
  building: "美湖花园 3栋",
  unit: "2单元",
  story: `${name}热心帮助邻居。`,
});

function post(
  body: FormData | string,
  headers: Record<string, string> = { origin: ORIGIN, "sec-fetch-site": "same-origin" },
) {
  return nominateRoute(
    new Request(`${ORIGIN}/api/stars/nominations`, {
      method: "POST",
      body,
      headers: { host: "linli.test", ...headers },
    }),
  );
}

const nominationCount = async () => (await t.db.select({ n: count() }).from(starNominations))[0].n;

describe("POST /api/stars/nominations", () => {
  it("takes the form's fields and the photo, as the signed-in resident", async () => {
    session = resident;
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#d4a017" } })
      .png()
      .toBuffer();
    const res = await post(form(named("周建华"), { bytes: png, name: "zhou.png", type: "image/png" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await res.json();
    expect(body).toEqual({ ok: true, data: { id: expect.any(String) } });
    const [row] = await t.db.select().from(starNominations).where(eq(starNominations.id, body.data.id));
    expect(row).toMatchObject({
      nominatorId: resident.id,
      nomineeName: "周建华",
      building: "美湖花园 3栋",
      unit: "2单元",
      status: "pending",
      photoId: expect.any(String),
    });
  });

  it("a nominee by mobile number: the service's field error comes back under the nominee", async () => {
    session = resident;
    const res = await post(
      form({
        festivalSlug: slug,
        categoryId,
        nomineeKind: "account",
        phone: "13999999999",
        name: "谁",
        story: "好邻居。",
      }),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ ok: false, code: "invalid", fieldErrors: { nominee: ["phone_no_account"] } });
  });

  it("refuses a body over the limit before reading it all, saying the photo is too large", async () => {
    session = resident;
    const before = await nominationCount();
    const big = Buffer.alloc(2 * 1024 * 1024 + 80 * 1024, 7);
    const res = await post(form(named("李桂兰"), { bytes: big, name: "big.jpg", type: "image/jpeg" }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, code: "invalid", fieldErrors: { photo: ["photo_too_large"] } });
    expect(await nominationCount()).toBe(before);
  });

  it("a renamed text file is not a photo, whatever its name and type say", async () => {
    session = resident;
    const res = await post(
      form(named("孙海涛"), { bytes: Buffer.from("only words"), name: "photo.png", type: "image/png" }),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ ok: false, code: "invalid", fieldErrors: { photo: ["photo_not_image"] } });
  });

  it("refuses another site, a request that does not say where it comes from, a visitor and other content types", async () => {
    session = resident;
    const before = await nominationCount();
    expect((await post(form(named("何丽娟")), { origin: "https://elsewhere.example" })).status).toBe(403);
    expect((await post(form(named("何丽娟")), { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post(form(named("何丽娟")), {})).status).toBe(403);
    expect(
      (await post(JSON.stringify(named("何丽娟")), { origin: ORIGIN, "content-type": "application/json" })).status,
    ).toBe(415);
    session = null;
    expect((await post(form(named("何丽娟")))).status).toBe(401);
    expect(await nominationCount()).toBe(before);
  });
});

describe("GET /api/stars/photos/[id]", () => {
  const get = (id: string) =>
    photoRoute(new Request(`${ORIGIN}/api/stars/photos/${id}`), { params: Promise.resolve({ id }) });

  it("a pending photo: its nominator and organisers only, never cached by others; approved: public and cacheable", async () => {
    const [n] = await t.db.select().from(starNominations).where(eq(starNominations.nomineeName, "周建华"));
    const photoId = n.photoId!;

    session = resident;
    const own = await get(photoId);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await own.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    session = organiser;
    expect((await get(photoId)).status).toBe(200);
    session = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect((await get(photoId)).status).toBe(404);
    session = null;
    expect((await get(photoId)).status).toBe(404);

    await vetNominations(t.db, organiser, { ids: [n.id], decision: "approve" });
    const open = await get(photoId);
    expect(open.status).toBe(200);
    expect(open.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("an unknown id, a bad id and a photo of no nomination are not found", async () => {
    session = organiser;
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("../../etc/passwd")).status).toBe(404);
    const [orphan] = await t.db
      .insert(photos)
      .values({ mime: "image/jpeg", width: 1, height: 1, bytes: Buffer.from([0xff, 0xd8, 0xff]) })
      .returning({ id: photos.id });
    session = resident;
    expect((await get(orphan.id)).status).toBe(404);
  });
});

describe("POST /api/stars/ballots", () => {
  it("only JSON; the service's refusal comes back with its code and a status", async () => {
    session = resident;
    const res = await ballotRoute(
      new Request(`${ORIGIN}/api/stars/ballots`, {
        method: "POST",
        body: "festivalSlug=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(res.status).toBe(415);
    const [n] = await t.db.select().from(starNominations).where(eq(starNominations.nomineeName, "周建华"));
    const early = await ballotRoute(
      new Request(`${ORIGIN}/api/stars/ballots`, {
        method: "POST",
        body: JSON.stringify({ festivalSlug: slug, categoryId, candidateIds: [n.id] }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ ok: false, code: "voting_closed" });
  });
});
