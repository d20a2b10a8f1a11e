// The ballot burst: the last minutes before voting closes, many verified residents cast their
// Neighbourhood Star ballot in one category at once. Each resident is a real verified account
// with a household and a session of their own; every request goes through POST
// /api/stars/ballots. Beside it, the same number of concurrent requests to the no-database route,
// so the figures can be read as ratios on a noisy machine. Then everyone sends their ballot a
// second time: all must be refused, and nothing may change.
import http from "node:http";
import { randomInt } from "node:crypto";
import { burst, send, withSessions } from "./bench-burst.mjs";

const CANDIDATES = 8;
/**
 * Who votes for whom: resident i picks candidate pick(i), with weights 8, 7, … 1 over a cycle of
 * 36, so every candidate ends with a different count and a vote counted for the wrong candidate
 * shows in the tally (an even split would hide it).
 */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1];
const CYCLE = WEIGHTS.reduce((a, w) => a + w, 0);
const pick = (i) => {
  let r = i % CYCLE;
  for (let k = 0; k < WEIGHTS.length; k++) {
    if (r < WEIGHTS[k]) return k;
    r -= WEIGHTS[k];
  }
  throw new Error("unreachable");
};
const expectedTally = (voters) => {
  const t = Array(CANDIDATES).fill(0);
  for (let i = 0; i < voters; i++) t[pick(i)] += 1;
  return t;
};

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // as demo/seed.ts
const RECEIPT = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;

/**
 * Voting open now, and a category of its own for the round: 1 vote per resident, 3 winners,
 * 8 approved candidates. Opening the window also locks the festival's categories (rules are fixed
 * once voting opens), which only matters on the bench's own database.
 */
async function prepareCategory(sql, festivalId, round) {
  await sql`update festivals set voting_opens_at = now() - interval '1 hour', voting_closes_at = now() + interval '1 hour' where id = ${festivalId}`;
  const [nominator] = await sql`select id from users where phone = '13800000004'`;
  if (!nominator) throw new Error("the demo volunteer 13800000004 is missing: is the demo community seeded?");
  return sql.begin(async (tx) => {
    const [category] = await tx`
      insert into star_categories (festival_id, name, description, winners, votes_per_voter, mode, position)
      values (${festivalId}, ${`测速之星 ${round}`}, '投票测速用。', 3, 1, 'resident',
              (select count(*)::int from star_categories where festival_id = ${festivalId}))
      returning id, name`;
    const names = Array.from({ length: CANDIDATES }, (_, k) => `测速候选人 ${round}-${k + 1}`);
    const rows = await tx`
      insert into star_nominations ${tx(
        names.map((n) => ({
          festival_id: festivalId,
          category_id: category.id,
          nominator_id: nominator.id,
          nominee_name: n,
          building: "美湖花园 1栋",
          story: "热心帮助邻居（测速）。",
          status: "approved",
        })),
        "festival_id",
        "category_id",
        "nominator_id",
        "nominee_name",
        "building",
        "story",
        "status",
      )}
      returning id, nominee_name`;
    // By name, not by the order rows come back in.
    const candidates = names.map((n) => rows.find((r) => r.nominee_name === n).id);
    return { ...category, candidates };
  });
}

/** Households of their own for the round, two voters each, with unique codes from the seed's alphabet. */
async function makeHouseholds(sql, count, round) {
  const code = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  let pending = Array.from({ length: count }, (_, j) => ({
    building: `测速 ${round}栋`,
    unit: `${Math.floor(j / 100) + 1}单元`,
    room: String((j % 100) + 1).padStart(3, "0"),
  }));
  const made = [];
  // A code already taken (by the demo's households) skips that row: try again with a new one.
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const rows = pending.map((h) => ({ ...h, code: code() }));
    const inserted = await sql`
      insert into households ${sql(rows, "building", "unit", "room", "code")}
      on conflict do nothing
      returning id, building, unit, room`;
    made.push(...inserted);
    const done = new Set(inserted.map((h) => `${h.unit}/${h.room}`));
    pending = pending.filter((h) => !done.has(`${h.unit}/${h.room}`));
  }
  if (pending.length) throw new Error(`${pending.length} households could not get a unique code`);
  return made;
}

/** Verified residents with a household and a session each. */
async function makeVoters(sql, secret, count, round) {
  const homes = await makeHouseholds(sql, Math.ceil(count / 2), round);
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `投票居民 ${round}-${String(i + 1).padStart(4, "0")}`,
    // 198 + round + 7 digits: valid mobile numbers no demo account or registration burst uses.
    phone: `198${round}${String(i + 1).padStart(7, "0")}`,
    // Not a password hash: these accounts cannot sign in with a password, only with their token.
    password_hash: "!",
    household_id: homes[Math.floor(i / 2)].id,
    verified_at: new Date(Date.now() - 86_400_000),
    verified_by: "organiser",
    // Tokens issued before this instant are refused: put it safely in the past.
    tokens_valid_after: new Date(Date.now() - 3_600_000),
  }));
  const users = await sql`
    insert into users ${sql(rows, "name", "phone", "password_hash", "household_id", "verified_at", "verified_by", "tokens_valid_after")}
    returning id, name, phone, household_id`;
  await sql`insert into user_roles ${sql(
    users.map((u) => ({ user_id: u.id, role: "resident" })),
    "user_id",
    "role",
  )}`;
  // In the order of the phone numbers, so voter i is the i-th row above.
  users.sort((a, b) => a.phone.localeCompare(b.phone));
  return withSessions(users, secret);
}

/** The database's view of the category: ballots, votes and the tally in candidate order. */
async function snapshot(sql, category, voterIds) {
  const [b] = await sql`
    select count(*)::int as n,
           count(distinct voter_key)::int as keys,
           count(*) filter (where voter_key = 'user:' || voter_id::text and voter_id = any(${voterIds}::uuid[]))::int as ours
    from star_ballots where category_id = ${category.id}`;
  // Voting is still open: the choices wait, under their receipts, to be mixed and counted at the close.
  const [v] =
    await sql`select count(*)::int as n, count(distinct receipt)::int as receipts from star_pending_votes where category_id = ${category.id}`;
  const rows = await sql`
    select c.candidate_id, count(*)::int as n
    from star_pending_votes p cross join lateral unnest(p.candidate_ids) as c(candidate_id)
    where p.category_id = ${category.id} group by c.candidate_id`;
  const tally = category.candidates.map((id) => rows.find((r) => r.candidate_id === id)?.n ?? 0);
  const strays = rows.filter((r) => !category.candidates.includes(r.candidate_id)).reduce((a, r) => a + r.n, 0);
  const [a] = await sql`
    select count(*)::int as n from audit_log
    where action = 'stars.vote' and outcome = 'refused' and details->>'categoryId' = ${category.id} and details->>'reason' = 'already_voted'`;
  return {
    ballots: b.n,
    voterKeys: b.keys,
    ours: b.ours,
    votes: v.n,
    voteReceipts: v.receipts,
    tally,
    strays,
    refusedLogged: a.n,
  };
}

/** The first burst's answers and the database after it, checked exactly; each line a PASS or FAIL. */
async function checkFirst(sql, { category, people, answered }) {
  const lines = [];
  const expect = (ok, text, kind = "count") => lines.push({ ok, text, kind });
  const n = people.length;
  const want = expectedTally(n);

  const good = answered.filter(
    (r) => r.status === 200 && r.json?.ok === true && RECEIPT.test(r.json?.data?.receipt ?? ""),
  );
  const bad = answered.filter((r) => !good.includes(r));
  const statuses = [...new Set(bad.map((r) => `${r.status}${r.json?.code ? " " + r.json.code : ""}`))];
  expect(
    bad.length === 0,
    `HTTP: ${good.length}/${n} answered 200 with a receipt` +
      (bad.length ? ` (others: ${statuses.join(", ")}; first: ${bad[0].error ?? bad[0].text?.slice(0, 120)})` : ""),
  );
  const receipts = answered.map((r) => r.json?.data?.receipt).filter(Boolean);
  expect(
    new Set(receipts).size === n,
    `receipts: ${new Set(receipts).size} distinct among ${receipts.length} (want ${n})`,
  );

  const s = await snapshot(
    sql,
    category,
    people.map((p) => p.id),
  );
  expect(
    s.ballots === n && s.voterKeys === n && s.ours === n,
    `database: ${s.ballots} ballots, ${s.voterKeys} distinct voters, ${s.ours} keyed to one of this round's residents (want ${n} each)`,
  );
  expect(
    s.votes === n && s.voteReceipts === n,
    `database: ${s.votes} votes under ${s.voteReceipts} receipts (want ${n} and ${n})`,
  );
  expect(
    s.strays === 0 && s.tally.every((t, k) => t === want[k]),
    `tally: ${s.tally.join(", ")}${s.strays ? ` and ${s.strays} for other candidates` : ""} (want ${want.join(", ")})`,
  );

  // Each resident's receipt counts for the candidate that resident chose.
  const mine = answered
    .map((r, i) => ({ receipt: r.json?.data?.receipt, candidate: category.candidates[pick(i)] }))
    .filter((m) => m.receipt);
  const counted = mine.length
    ? await sql`select receipt, candidate_ids[1] as candidate_id from star_pending_votes where category_id = ${category.id} and receipt = any(${mine.map((m) => m.receipt)}::text[])`
    : [];
  const byReceipt = new Map(counted.map((c) => [c.receipt, c.candidate_id]));
  const right = mine.filter((m) => byReceipt.get(m.receipt) === m.candidate).length;
  expect(right === n, `receipts: ${right}/${n} count for the candidate their resident chose`);
  expect(s.refusedLogged === 0, `audit log: ${s.refusedLogged} refused ballots after the first burst (want 0)`);
  return { lines, before: s };
}

/** The second burst: every ballot refused as already cast, and the category exactly as it was. */
async function checkSecond(sql, { category, people, answered, before }) {
  const lines = [];
  const expect = (ok, text, kind = "count") => lines.push({ ok, text, kind });
  const n = people.length;
  const refused = answered.filter((r) => r.status === 409 && r.json?.ok === false && r.json?.code === "already_voted");
  const others = answered.filter((r) => !refused.includes(r));
  const statuses = [...new Set(others.map((r) => `${r.status}${r.json?.code ? " " + r.json.code : ""}`))];
  expect(
    others.length === 0,
    `second ballots: ${refused.length}/${n} refused 409 already_voted` +
      (others.length ? ` (others: ${statuses.join(", ")})` : ""),
  );
  const s = await snapshot(
    sql,
    category,
    people.map((p) => p.id),
  );
  const same =
    s.ballots === before.ballots && s.votes === before.votes && s.tally.every((t, k) => t === before.tally[k]);
  expect(
    same,
    `after the second ballots: ${s.ballots} ballots, ${s.votes} votes, tally ${s.tally.join(", ")} (want unchanged: ${before.ballots}, ${before.votes}, ${before.tally.join(", ")})`,
  );
  expect(s.refusedLogged === n, `audit log: ${s.refusedLogged} second ballots logged as refused (want ${n})`);
  return lines;
}

/**
 * One round: voting open, a fresh category with 8 candidates, fresh verified residents; the
 * no-database burst, the ballot burst, its checks; then the same ballots again and their checks.
 */
export async function ballotBurst({ base, sql, secret, festivalSlug = "meihu-15", voters = 1000, round = 1 }) {
  const [festival] = await sql`select id, status from festivals where slug = ${festivalSlug}`;
  if (!festival || festival.status !== "published") throw new Error(`${festivalSlug}: no published festival`);
  const category = await prepareCategory(sql, festival.id, round);
  const people = await makeVoters(sql, secret, voters, round);
  const ballot = (i) => ({ festivalSlug, categoryId: category.id, candidateIds: [category.candidates[pick(i)]] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: voters + 10 });
  try {
    // A minted session is accepted by the app as that resident, verified, with their household.
    const me = await send(agent, base, { path: "/api/auth/session", headers: { cookie: people[0].cookie } });
    const u = me.json?.user;
    if (u?.id !== people[0].id || u?.verified !== true || u?.householdId !== people[0].household_id)
      throw new Error(
        `a minted session was not accepted as a verified resident: ${me.status} ${me.text?.slice(0, 200)}`,
      );
    // The route's own refusals, writing nothing: no session, and not JSON.
    const anon = await send(agent, base, { method: "POST", path: "/api/stars/ballots", body: ballot(0) });
    if (anon.status !== 401) throw new Error(`a ballot without a session answered ${anon.status} (want 401)`);
    const plain = await send(agent, base, {
      method: "POST",
      path: "/api/stars/ballots",
      headers: { cookie: people[0].cookie, "content-type": "text/plain" },
    });
    if (plain.status !== 415) throw new Error(`a ballot that is not JSON answered ${plain.status} (want 415)`);

    // Warm-up, writing nothing: the route, the session check and the database pool, with ballots
    // the schema refuses (no candidate); and one no-database burst.
    const warm = await burst(
      agent,
      base,
      people.slice(0, 20).map((p) => ({
        method: "POST",
        path: "/api/stars/ballots",
        headers: { cookie: p.cookie },
        body: { festivalSlug, categoryId: category.id, candidateIds: [] },
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
    const cast = await burst(
      agent,
      base,
      people.map((p, i) => ({
        method: "POST",
        path: "/api/stars/ballots",
        headers: { cookie: p.cookie },
        body: ballot(i),
      })),
    );
    const first = await checkFirst(sql, { category, people, answered: cast.results });
    const again = await burst(
      agent,
      base,
      people.map((p, i) => ({
        method: "POST",
        path: "/api/stars/ballots",
        headers: { cookie: p.cookie },
        body: ballot(i),
      })),
    );
    const second = await checkSecond(sql, { category, people, answered: again.results, before: first.before });
    const pingErrors = ping.results.filter((r) => r.status !== 200).length;
    return { round, category, ping, cast, again, pingErrors, lines: [...first.lines, ...second] };
  } finally {
    agent.destroy();
  }
}
