// The registration burst: the moment registration opens, many residents sign up for one sport
// item at once. Each resident is a real account with a session of their own; every request goes
// through POST /api/registrations like the form's. Beside it, the same number of concurrent
// requests to the no-database route, so the figures can be read as ratios on a noisy machine.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";

const SESSION_COOKIE = "next-auth.session-token"; // the name next-auth uses over http
const SESSION_MAX_AGE = 12 * 3600; // as lib/auth/options.ts

/** One request on a pool wide enough for every request of a burst to be in flight at once. */
export function send(agent, base, { method = "GET", path, headers = {}, body }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      base + path,
      {
        method,
        agent,
        headers: payload
          ? { ...headers, "content-type": "application/json", "content-length": payload.length }
          : headers,
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode, json, text, ms: performance.now() - started, done: performance.now() });
        });
        res.on("error", (e) =>
          resolve({ status: 0, error: e.message, ms: performance.now() - started, done: performance.now() }),
        );
      },
    );
    req.on("error", (e) =>
      resolve({ status: 0, error: e.message, ms: performance.now() - started, done: performance.now() }),
    );
    if (payload) req.write(payload);
    req.end();
  });
}

/** Fires every request at once; the wall time runs from the first send to the last answer. */
export async function burst(agent, base, requests) {
  const started = performance.now();
  const results = await Promise.all(requests.map((r) => send(agent, base, r)));
  const wallMs = Math.max(...results.map((r) => r.done)) - started;
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    results,
    wallMs,
    rps: (results.length * 1000) / wallMs,
    p50: pct(50),
    p99: pct(99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * A sport event of its own for each round, with `places` places in the programme and in its
 * quota: the demo's events already have entrants, and the burst must count from zero.
 */
async function prepareItem(sql, festivalId, places, used) {
  const [first] = await sql`
    select starts_at from programme_items where festival_id = ${festivalId} and kind = 'sport_event' order by starts_at limit 1`;
  if (!first) throw new Error("the festival has no sport event to take the time from");
  const title = `接力赛（测速 ${used.size + 1}）`;
  const item = await sql.begin(async (tx) => {
    const [row] = await tx`
      insert into programme_items (festival_id, kind, title, starts_at, ends_at, capacity)
      values (${festivalId}, 'sport_event', ${title}, ${first.starts_at}, ${new Date(first.starts_at.getTime() + 3600_000)}, ${places})
      returning id, title`;
    await tx`insert into quotas (festival_id, scope, capacity, taken) values (${festivalId}, ${"item:" + row.id}, ${places}, 0)`;
    return row;
  });
  used.add(item.id);
  // A quota on the whole role would also limit the burst: it must have room for every place.
  const [role] =
    await sql`select capacity, taken from quotas where festival_id = ${festivalId} and scope = 'role:athlete'`;
  if (role && role.capacity - role.taken < places)
    throw new Error(`the athletes' quota (${role.taken}/${role.capacity}) leaves fewer than ${places} places`);
  return item;
}

/** Residents with a session each: accounts with the resident role, and a token minted for each. */
async function makeResidents(sql, secret, count, round) {
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `报名居民 ${round}-${String(i + 1).padStart(3, "0")}`,
    // 199 + round + 7 digits: valid mobile numbers no demo account uses.
    phone: `199${round}${String(i + 1).padStart(7, "0")}`,
    // Not a password hash: these accounts cannot sign in with a password, only with their token.
    password_hash: "!",
  }));
  const users = await sql`
    insert into users ${sql(rows, "name", "phone", "password_hash")}
    returning id, name, phone`;
  // Tokens issued before this instant are refused: put it safely in the past.
  await sql`update users set tokens_valid_after = now() - interval '1 hour' where id in ${sql(users.map((u) => u.id))}`;
  await sql`insert into user_roles ${sql(
    users.map((u) => ({ user_id: u.id, role: "resident" })),
    "user_id",
    "role",
  )}`;
  return withSessions(users, secret);
}

/**
 * A session cookie for each account, as next-auth would have set it at sign-in. The accounts'
 * `tokens_valid_after` must lie before now, or the app refuses the tokens.
 */
export async function withSessions(users, secret) {
  const authAt = Date.now();
  return Promise.all(
    users.map(async (u) => {
      const token = await encode({
        token: { sub: u.id, name: u.name, uid: u.id, authAt },
        secret,
        maxAge: SESSION_MAX_AGE,
      });
      return { ...u, cookie: `${SESSION_COOKIE}=${token}` };
    }),
  );
}

const athleteForm = (festivalSlug, itemId, i) => ({
  festivalSlug,
  participant: { kind: "self" },
  role: "athlete",
  itemId,
  ageGroup: "adult",
  emergencyName: "家属",
  emergencyPhone: `1380${String(1_000_000 + i).padStart(7, "0")}`,
  healthDeclaration: true,
});

/**
 * The database after a burst, checked exactly. Each line has a kind: "count" (places, answers,
 * the quota), "order" (the waiting list) or "note" (worth knowing, not a failure).
 */
async function check(sql, { festivalId, item, places, residents, answered }) {
  const lines = [];
  const expect = (ok, text, kind = "count") => lines.push({ ok, text, kind });
  const waitlistN = residents - places;

  const bad = answered.filter((r) => r.status !== 200 || r.json?.ok !== true);
  const byStatus = (s) => answered.filter((r) => r.json?.data?.status === s);
  expect(
    bad.length === 0,
    `HTTP: ${answered.length - bad.length}/${answered.length} answered 200 ok` +
      (bad.length ? ` (first error: ${bad[0].status} ${bad[0].error ?? bad[0].text?.slice(0, 120)})` : ""),
  );
  expect(
    byStatus("confirmed").length === places && byStatus("waitlisted").length === waitlistN,
    `answers: ${byStatus("confirmed").length} confirmed, ${byStatus("waitlisted").length} waitlisted (want ${places} and ${waitlistN})`,
  );

  const counts =
    await sql`select status, count(*)::int as n, count(distinct user_id)::int as people from registrations where item_id = ${item.id} group by status`;
  const n = (s) => counts.find((c) => c.status === s)?.n ?? 0;
  const others = counts.filter((c) => c.status !== "confirmed" && c.status !== "waitlisted");
  expect(
    n("confirmed") === places && n("waitlisted") === waitlistN && others.length === 0,
    `database: ${n("confirmed")} confirmed, ${n("waitlisted")} waitlisted${others.length ? `, ${others.map((o) => `${o.n} ${o.status}`).join(", ")}` : ""} (want ${places} and ${waitlistN})`,
  );
  const people = counts.reduce((a, c) => a + c.people, 0);
  expect(people === residents, `database: ${people} distinct residents registered (want ${residents})`);
  const [q] =
    await sql`select capacity, taken from quotas where festival_id = ${festivalId} and scope = ${"item:" + item.id}`;
  expect(
    q?.taken === places && q?.capacity === places,
    `quota: taken ${q?.taken} of ${q?.capacity} (want ${places} of ${places})`,
  );

  // The waiting list in arrival order, as the app orders it; positions count from 1.
  const waiting = await sql`
    select id, queued_at, row_number() over (order by queued_at, created_at, id)::int as rank,
           (select count(distinct w.queued_at)::int from registrations w where w.item_id = ${item.id} and w.status = 'waitlisted') as distinct_times
    from registrations where item_id = ${item.id} and status = 'waitlisted' order by rank`;
  const rankOf = new Map(waiting.map((w) => [w.id, w.rank]));
  const told = byStatus("waitlisted").map((r) => ({ id: r.json.data.id, position: r.json.data.position }));
  const toldSorted = told.map((t) => t.position).sort((a, b) => a - b);
  const distinctTold = toldSorted.every((p, i) => p === i + 1) && toldSorted.length === waitlistN;
  const mismatched = told.filter((t) => rankOf.get(t.id) !== t.position);
  const distinctTimes = waiting[0]?.distinct_times ?? 0;
  // Equal arrival times are ordered by created_at and id: consistent, but not arrival order.
  expect(
    distinctTimes === waitlistN,
    `waiting list: ${distinctTimes} distinct queued_at among ${waiting.length}${distinctTimes === waitlistN ? "" : " (the rest are ordered by created_at, id)"}`,
    "note",
  );
  expect(
    distinctTold,
    `waiting list: positions told are ${distinctTold ? "exactly" : "not"} 1..${waitlistN}` +
      (distinctTold ? "" : ` (${new Set(toldSorted).size} distinct, from ${toldSorted[0]} to ${toldSorted.at(-1)})`),
    "order",
  );
  expect(
    mismatched.length === 0,
    `waiting list: ${told.length - mismatched.length}/${told.length} positions told match the list's order by (queued_at, created_at, id)`,
    "order",
  );
  // Places go to the earliest arrivals: every confirmed sign-up arrived before every waiting one.
  const [order] = await sql`
    select count(*) filter (where c.queued_at > w.first)::int as later
    from registrations c, (select min(queued_at) as first from registrations where item_id = ${item.id} and status = 'waitlisted') w
    where c.item_id = ${item.id} and c.status = 'confirmed'`;
  expect(
    order.later === 0,
    `places: ${places - order.later}/${places} confirmed sign-ups arrived no later than the first on the waiting list`,
    "order",
  );
  return lines;
}

/**
 * One round: fresh residents, a fresh item with `places` places, the no-database burst, then
 * the registration burst, then the checks. Returns the figures and the check lines.
 */
export async function registrationBurst({
  base,
  sql,
  secret,
  festivalSlug = "meihu-15",
  residents = 500,
  places = 50,
  round = 1,
  used = new Set(),
}) {
  const [festival] =
    await sql`select id, status, registration_opens_at <= now() and now() <= registration_closes_at as open from festivals where slug = ${festivalSlug}`;
  if (!festival || festival.status !== "published" || !festival.open)
    throw new Error(`${festivalSlug}: registration is not open`);
  const item = await prepareItem(sql, festival.id, places, used);
  const people = await makeResidents(sql, secret, residents, round);
  const agent = new http.Agent({ keepAlive: true, maxSockets: residents + 10 });
  try {
    // A minted session is accepted by the app as that resident.
    const me = await send(agent, base, { path: "/api/auth/session", headers: { cookie: people[0].cookie } });
    if (me.json?.user?.id !== people[0].id)
      throw new Error(`a minted session was not accepted: ${me.status} ${me.text?.slice(0, 200)}`);
    const unread = await send(agent, base, { path: "/api/me/unread", headers: { cookie: people[0].cookie } });
    if (unread.status !== 200) throw new Error(`/api/me/unread answered ${unread.status} for a minted session`);

    // Warm-up, writing nothing: the route, the session check and the database pool, with forms
    // the schema refuses (no health declaration); and one no-database burst.
    const warm = await burst(
      agent,
      base,
      people.slice(0, 20).map((p, i) => ({
        method: "POST",
        path: "/api/registrations",
        headers: { cookie: p.cookie },
        body: { ...athleteForm(festivalSlug, item.id, i), healthDeclaration: false },
      })),
    );
    if (warm.results.some((r) => r.status !== 422))
      throw new Error(`warm-up answered ${[...new Set(warm.results.map((r) => r.status))].join(", ")} (want 422)`);
    await burst(
      agent,
      base,
      people.map(() => ({ path: "/api/ping" })),
    );

    const ping = await burst(
      agent,
      base,
      people.map(() => ({ path: "/api/ping" })),
    );
    const reg = await burst(
      agent,
      base,
      people.map((p, i) => ({
        method: "POST",
        path: "/api/registrations",
        headers: { cookie: p.cookie },
        body: athleteForm(festivalSlug, item.id, i),
      })),
    );
    const pingErrors = ping.results.filter((r) => r.status !== 200).length;
    const lines = await check(sql, { festivalId: festival.id, item, places, residents, answered: reg.results });
    return { round, item, ping, reg, pingErrors, lines };
  } finally {
    agent.destroy();
  }
}
