// The wall opens: many volunteers claim micro-wishes at once, several reaching for the same one.
// Each volunteer is a real account with the volunteer role and a session of their own; every
// request goes through POST /api/wishes/claims. Beside it, the same number of concurrent requests
// to the no-database route, and of reads of the wall itself, so the figures read as ratios.
import http from "node:http";
import { burst, send, withSessions } from "./bench-burst.mjs";

/** Volunteer i reaches for wish (i × 7) mod n: every wish wanted by the same number of people, in a scattered order. */
const target = (i, wishes) => (i * 7) % wishes;

/** Wishes of their own for the round, open on the wall, each for a beneficiary with a marker name. */
async function makeWishes(sql, count, round) {
  const [organiser] = await sql`select id from users where phone = '13800000001'`;
  if (!organiser) throw new Error("the demo organiser 13800000001 is missing: is the demo community seeded?");
  return sql.begin(async (tx) => {
    const bens = await tx`
      insert into beneficiaries ${tx(
        Array.from({ length: count }, (_, k) => ({
          real_name: `测速受助人 ${round}-${k + 1}`,
          phone: `1370${round}${String(k + 1).padStart(6, "0")}`,
          address: "美湖花园 测速栋",
          age: 70 + (k % 20),
          circumstance: "elderly_alone",
          created_by: organiser.id,
        })),
        "real_name",
        "phone",
        "address",
        "age",
        "circumstance",
        "created_by",
      )}
      returning id, real_name`;
    bens.sort((a, b) => a.real_name.localeCompare(b.real_name, "en", { numeric: true }));
    const rows = await tx`
      insert into wishes ${tx(
        bens.map((b, k) => ({
          beneficiary_id: b.id,
          title: `测速心愿 ${round}-${k + 1}`,
          story: "测速用的心愿。",
          category: ["goods", "service", "companionship"][k % 3],
          value: 50,
          alias: `测速奶奶, ${70 + (k % 20)}`,
          status: "open",
          submitted_by: organiser.id,
        })),
        "beneficiary_id",
        "title",
        "story",
        "category",
        "value",
        "alias",
        "status",
        "submitted_by",
      )}
      returning id, title`;
    return rows.sort((a, b) => a.title.localeCompare(b.title, "en", { numeric: true }));
  });
}

/** Volunteers with a session each. */
async function makeVolunteers(sql, secret, count, round) {
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `测速志愿者 ${round}-${String(i + 1).padStart(4, "0")}`,
    // 197 + round + 7 digits: valid mobile numbers no demo account or other burst uses.
    phone: `197${round}${String(i + 1).padStart(7, "0")}`,
    // Not a password hash: these accounts cannot sign in with a password, only with their token.
    password_hash: "!",
    tokens_valid_after: new Date(Date.now() - 3_600_000),
  }));
  const users =
    await sql`insert into users ${sql(rows, "name", "phone", "password_hash", "tokens_valid_after")} returning id, name, phone`;
  await sql`insert into user_roles ${sql(
    users.flatMap((u) => [
      { user_id: u.id, role: "resident" },
      { user_id: u.id, role: "volunteer" },
    ]),
    "user_id",
    "role",
  )}`;
  users.sort((a, b) => a.phone.localeCompare(b.phone));
  return withSessions(users, secret);
}

/** The answers and the database after the claims, checked exactly; each line a PASS or FAIL. */
async function check(sql, { wishes, people, answered, wallPages }) {
  const lines = [];
  const expect = (ok, text) => lines.push({ ok, text, kind: "count" });
  const n = people.length;
  const w = wishes.length;
  const won = answered
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.status === 200 && r.json?.ok === true && r.json?.data?.claimId);
  const taken = answered.filter((r) => r.status === 409 && r.json?.code === "wish_taken");
  const other = answered.filter((r, i) => !taken.includes(r) && !won.some((x) => x.i === i));
  const statuses = [...new Set(other.map((r) => `${r.status}${r.json?.code ? " " + r.json.code : ""}`))];
  expect(
    won.length === w && taken.length === n - w && other.length === 0,
    `answers: ${won.length} claimed, ${taken.length} 409 wish_taken (want ${w} and ${n - w})` +
      (other.length
        ? `; ${other.length} others: ${statuses.join(", ")} (first: ${other[0].error ?? other[0].text?.slice(0, 120)})`
        : ""),
  );
  const wonWishes = new Set(won.map(({ i }) => wishes[target(i, w)].id));
  expect(
    wonWishes.size === w,
    `answers: the ${won.length} winners reached for ${wonWishes.size} different wishes (want ${w}: one winner per wish)`,
  );

  const ids = wishes.map((x) => x.id);
  const [s] = await sql`
    select count(*) filter (where status = 'claimed')::int as claimed, count(*) filter (where status = 'open')::int as open
    from wishes where id = any(${ids}::uuid[])`;
  const live = await sql`
    select wish_id, volunteer_id from wish_claims where wish_id = any(${ids}::uuid[]) and status in ('active', 'fulfilled')`;
  const perWish = new Map();
  for (const c of live) perWish.set(c.wish_id, (perWish.get(c.wish_id) ?? 0) + 1);
  const twice = [...perWish.values()].filter((k) => k > 1).length;
  expect(
    s.claimed === w && s.open === 0,
    `database: ${s.claimed} of ${w} wishes claimed, ${s.open} still open (want ${w} and 0)`,
  );
  expect(
    live.length === w && twice === 0,
    `database: ${live.length} live claims, ${twice} wishes claimed twice (want ${w} and 0)`,
  );
  // Each claim in the database belongs to the volunteer whose answer said they won that wish.
  const winnerOf = new Map(won.map(({ i }) => [wishes[target(i, w)].id, people[i].id]));
  const agree = live.filter((c) => winnerOf.get(c.wish_id) === c.volunteer_id).length;
  expect(agree === w, `database: ${agree}/${w} claims held by the volunteer told they won`);
  const leaks = wallPages.filter((p) => p.status !== 200 || /测速受助人|1370\d{7}/.test(p.text ?? "")).length;
  expect(
    leaks === 0,
    `the wall read during the claims: ${wallPages.length - leaks}/${wallPages.length} answered 200 without a beneficiary's name or phone`,
  );
  return lines;
}

/**
 * One round: `wishes` fresh open wishes, `volunteers` fresh volunteers; the no-database burst, a
 * burst of wall reads, then every volunteer claims at once (`volunteers ÷ wishes` reach for each
 * wish) while the wall is read again, and the checks.
 */
export async function claimBurst({ base, sql, secret, volunteers = 200, wishes: wishCount = 50, round = 1 }) {
  const wishes = await makeWishes(sql, wishCount, round);
  const people = await makeVolunteers(sql, secret, volunteers, round);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 * volunteers + 10 });
  try {
    const me = await send(agent, base, { path: "/api/auth/session", headers: { cookie: people[0].cookie } });
    if (me.json?.user?.id !== people[0].id)
      throw new Error(`a minted session was not accepted: ${me.status} ${me.text?.slice(0, 200)}`);
    const anon = await send(agent, base, {
      method: "POST",
      path: "/api/wishes/claims",
      body: { wishId: wishes[0].id },
    });
    if (anon.status !== 401) throw new Error(`a claim without a session answered ${anon.status} (want 401)`);

    // Warm-up, writing nothing: claims the schema refuses, the wall, and the no-database route.
    const warm = await burst(
      agent,
      base,
      people.slice(0, 20).map((p) => ({
        method: "POST",
        path: "/api/wishes/claims",
        headers: { cookie: p.cookie },
        body: { wishId: "not-a-wish" },
      })),
    );
    if (warm.results.some((r) => r.status !== 422))
      throw new Error(`warm-up answered ${[...new Set(warm.results.map((r) => r.status))].join(", ")} (want 422)`);
    await burst(
      agent,
      base,
      people.slice(0, 20).map(() => ({ path: "/wishes" })),
    );
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
    const wall = await burst(
      agent,
      base,
      people.map(() => ({ path: "/wishes" })),
    );
    // The claims, and as many reads of the wall in flight beside them.
    const [claims, wallDuring] = await Promise.all([
      burst(
        agent,
        base,
        people.map((p, i) => ({
          method: "POST",
          path: "/api/wishes/claims",
          headers: { cookie: p.cookie },
          body: { wishId: wishes[target(i, wishCount)].id },
        })),
      ),
      burst(
        agent,
        base,
        people.map(() => ({ path: "/wishes" })),
      ),
    ]);
    const lines = await check(sql, { wishes, people, answered: claims.results, wallPages: wallDuring.results });
    const pingErrors = ping.results.filter((r) => r.status !== 200).length;
    return { round, ping, wall, claims, wallDuring, pingErrors, lines };
  } finally {
    agent.destroy();
  }
}
