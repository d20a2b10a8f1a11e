import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { wishClaims, wishes } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { claimWish, vetWish } from "@/lib/wishes/service";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";

// The residents' and volunteers' wish routes, called as the browser would: the session and the
// database are the test's own, everything else is the real handler.

let t: TestDb;
let session: Actor | null = null;
vi.mock("@/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session }));

const { POST: askRoute } = await import("./route");
const { POST: updateRoute } = await import("./[id]/route");
const { POST: fulfilRoute } = await import("./fulfil/route");
const { GET: photoRoute } = await import("./photos/[id]/route");

const ORIGIN = "http://linli.test";
const SAME = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
let organiser: Actor;
let resident: Actor;
let volunteer: Actor;

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  resident = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "陈桂芳" })).id);
  volunteer = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
});
afterAll(async () => t?.close());

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#d4a017" } })
    .png()
    .toBuffer();

function form(fields: Record<string, string>, photo?: Buffer) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (photo) fd.set("photo", new File([new Uint8Array(photo)], "p.png", { type: "image/png" }));
  return fd;
}
const request = (path: string, body: FormData | string, headers: Record<string, string> = SAME) =>
  new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { host: "linli.test", ...headers } });
const own = {
  title: "一副老花镜",
  story: "看报纸看不清字。",
  category: "goods",
  value: "60",
  wantedBy: "",
  alias: "陈奶奶",
  age: "76",
  circumstance: "elderly_alone",
};
const wishCount = async () => (await t.db.select({ n: count() }).from(wishes))[0].n;

describe("POST /api/wishes", () => {
  it("a resident asks for themselves, with a photo: it waits for vetting", async () => {
    session = resident;
    const res = await askRoute(request("/api/wishes", form(own, await png())));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await res.json();
    const [row] = await t.db.select().from(wishes).where(eq(wishes.id, body.data.id));
    expect(row).toMatchObject({
      status: "pending",
      submittedBy: resident.id,
      title: "一副老花镜",
      wantedBy: null,
      photoId: expect.any(String),
    });
  });

  it("bad fields come back as field errors; other sites, visitors and JSON are refused; nothing written", async () => {
    const before = await wishCount();
    session = resident;
    const bad = await askRoute(request("/api/wishes", form({ ...own, title: "", value: "9999", age: "abc" })));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: ["required"], age: ["number_invalid"] },
    });
    expect((await askRoute(request("/api/wishes", form(own), { origin: "https://elsewhere.example" }))).status).toBe(
      403,
    );
    expect(
      (await askRoute(request("/api/wishes", JSON.stringify(own), { ...SAME, "content-type": "application/json" })))
        .status,
    ).toBe(415);
    session = null;
    expect((await askRoute(request("/api/wishes", form(own)))).status).toBe(401);
    expect(await wishCount()).toBe(before);
  });
});

describe("POST /api/wishes/[id]", () => {
  it("the submitter resends a wish sent back for changes; a stale copy and another resident are refused", async () => {
    session = resident;
    const { data } = await (await askRoute(request("/api/wishes", form(own)))).json();
    const id = data.id as string;
    await vetWish(t.db, organiser, { id, decision: "changes", reason: "请写上想要的度数。" });
    const [{ version }] = await t.db.select({ version: wishes.version }).from(wishes).where(eq(wishes.id, id));
    const call = (fields: Record<string, string>) =>
      updateRoute(request(`/api/wishes/${id}`, form(fields)), { params: Promise.resolve({ id }) });

    session = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect((await call({ ...own, version: String(version) })).status).toBe(403);
    session = resident;
    expect((await call({ ...own, story: "老花镜 300 度。", version: String(version - 1) })).status).toBe(409);
    const res = await call({ ...own, story: "老花镜 300 度。", version: String(version) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { id, version: version + 1 } });
    const [row] = await t.db.select().from(wishes).where(eq(wishes.id, id));
    expect(row).toMatchObject({ status: "pending", story: "老花镜 300 度。" });
  });
});

describe("POST /api/wishes/fulfil", () => {
  it("only the holder of the claim says it came true", async () => {
    const w = await postWish(t.db, organiser);
    const claim = await claimWish(t.db, volunteer, w.id);
    if (!claim.ok) throw new Error("claim");
    const call = (fields: Record<string, string>, photo?: Buffer) =>
      fulfilRoute(request("/api/wishes/fulfil", form(fields, photo)));

    session = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
    expect((await call({ claimId: claim.data.claimId, note: "我来", hours: "1" })).status).toBe(403);
    session = volunteer;
    expect((await call({ claimId: claim.data.claimId, note: "", hours: "1" })).status).toBe(422);
    // The time it took is asked too: none written is refused, with the field named.
    const untimed = await call({ claimId: claim.data.claimId, note: "收音机送到了。" });
    expect(untimed.status).toBe(422);
    expect(await untimed.json()).toMatchObject({ code: "invalid", fieldErrors: { hours: ["wish_time_required"] } });
    const res = await call(
      { claimId: claim.data.claimId, note: "收音机送到了。", hours: "1", minutes: "30" },
      await png(),
    );
    expect(res.status).toBe(200);
    const [c] = await t.db.select().from(wishClaims).where(eq(wishClaims.id, claim.data.claimId));
    expect(c).toMatchObject({
      status: "fulfilled",
      note: "收音机送到了。",
      photoId: expect.any(String),
      declaredMinutes: 90,
    });
  });
});

describe("GET /api/wishes/photos/[id]", () => {
  const get = (id: string) =>
    photoRoute(new Request(`${ORIGIN}/api/wishes/photos/${id}`), { params: Promise.resolve({ id }) });

  it("a waiting wish's photo: its submitter and organisers, never cached by others; on the wall: public and cacheable", async () => {
    session = resident;
    const { data } = await (await askRoute(request("/api/wishes", form(own, await png())))).json();
    const [{ photoId }] = await t.db.select({ photoId: wishes.photoId }).from(wishes).where(eq(wishes.id, data.id));

    session = null;
    expect((await get(photoId!)).status).toBe(404);
    session = volunteer;
    expect((await get(photoId!)).status).toBe(404);
    session = resident;
    const mine = await get(photoId!);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toMatch(/^image\//);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    session = organiser;
    expect((await get(photoId!)).status).toBe(200);

    await vetWish(t.db, organiser, { id: data.id, decision: "approve" });
    session = null;
    const open = await get(photoId!);
    expect(open.status).toBe(200);
    expect(open.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
