/**
 * Swiss-system pairing for the festival's chess and Go tournaments.
 *
 * Pure and deterministic: the same players (in any order) and seed always give the same round,
 * and nothing passed in is changed, so a round paired twice (a retry, a preview, a test) is the
 * same round. No server or Node imports, so client components may import it too.
 *
 * The hard rules (no rematch, colour difference within ±2, never three of one colour in a row,
 * one bye a tournament) decide which pairs may play at all. Among the pairings that keep every rule,
 * one maximum-weight perfect matching picks the best by the preferences, in priority order: the bye
 * to the lowest score (then the weakest), opponents of equal score, each player's due colour, and
 * the Dutch top-half/bottom-half order. A matching rather than a bracket-by-bracket search because
 * it never paints itself into a corner: if any legal pairing exists it finds one, in O(n³) time.
 */

import { maxWeightMatching } from "@/lib/matching/max-weight";

export type Colour = "white" | "black";

export interface SwissPlayer {
  id: string;
  /** Points so far (win 1, draw 0.5, loss 0; a bye counts as a win). */
  score: number;
  /** Lower is stronger: the seeding rank (1 = top seed), from rating/skill level or the draw. */
  rank: number;
  /** Opponents already met (ids), in round order. */
  opponents: string[];
  /** Colours already played, in round order (a bye round adds nothing). */
  colours: Colour[];
  hadBye: boolean;
  /**
   * How the player floated in the round before: down (met a lower score, or had the bye) or up
   * (met a higher score). The pairing avoids the same float two rounds running where it can.
   */
  lastFloat?: "down" | "up" | null;
}

export interface SwissPairing {
  white: string;
  black: string;
}

/** Pairings are listed by board: board 1 (the top score group, the strongest players) first. */
export type SwissRound =
  { ok: true; pairings: SwissPairing[]; bye: string | null } | { ok: false; code: "no_legal_pairing" };

/** A game's result from White's side, as written on the score sheet. */
export type SwissResult = "1-0" | "0.5-0.5" | "0-1";

// A player may end a round at most this far from an even number of whites and blacks.
const MAX_COLOUR_DIFFERENCE = 2;

interface Entrant {
  player: SwissPlayer;
  /** Position in the field from strongest (0): rank, then the seeded draw, then id. */
  order: number;
  /** Score in half points, so that score groups compare exactly. */
  halfPoints: number;
  canWhite: boolean;
  canBlack: boolean;
  due: Colour | null;
  /** 2: the difference is uneven, 1: only alternation asks for it, 0: no games yet. */
  strength: 0 | 1 | 2;
  met: Set<string>;
  lastFloat: "down" | "up" | null;
}

/**
 * Pairs the next round. `seed` only settles what the rules leave to chance: the order of players
 * with equal rank and the top seed's colour on board 1 (white when no seed is given).
 */
export function pairSwissRound(players: SwissPlayer[], seed?: number): SwissRound {
  const field = entrants(players, seed);

  let bye: Entrant | null = null;
  let pool = field;
  if (field.length % 2 === 1) {
    // The bye is settled before anything else (as in the Dutch system): the lowest score, then the
    // weakest, among those still owed one and whose absence leaves a field that can be paired.
    const candidates = field
      .filter((e) => !e.player.hadBye)
      .sort((a, b) => a.halfPoints - b.halfPoints || b.order - a.order);
    for (const candidate of candidates) {
      const rest = field.filter((e) => e !== candidate);
      if (canPairAll(rest)) {
        bye = candidate;
        pool = rest;
        break;
      }
    }
    if (!bye) return { ok: false, code: "no_legal_pairing" };
  }

  const pairs = bestPairs(pool);
  if (!pairs) return { ok: false, code: "no_legal_pairing" };

  const boards = pairs
    .map(([a, b]) => (a.order < b.order ? ([a, b] as const) : ([b, a] as const)))
    .sort(
      ([a1, b1], [a2, b2]) =>
        Math.max(a2.halfPoints, b2.halfPoints) - Math.max(a1.halfPoints, b1.halfPoints) || a1.order - a2.order,
    );
  const topSeedColour = seedColour(seed);
  const pairings = boards.map(([higher, lower], board): SwissPairing => {
    const decided = colourFor(higher, lower);
    // Only newcomers on both sides reach here undecided (every pair in round 1): board 1's higher
    // seed takes the drawn colour and the boards alternate, so the field starts half white.
    const higherColour = decided ? decided.higherColour : board % 2 === 0 ? topSeedColour : opposite(topSeedColour);
    return higherColour === "white"
      ? { white: higher.player.id, black: lower.player.id }
      : { white: lower.player.id, black: higher.player.id };
  });
  return { ok: true, pairings, bye: bye ? bye.player.id : null };
}

/**
 * The players after a round: results are in the order of `round.pairings`. A new array of new
 * objects, so the app can keep each round's standings side by side.
 */
export function applyRound(
  players: SwissPlayer[],
  round: { pairings: SwissPairing[]; bye: string | null },
  results: SwissResult[],
): SwissPlayer[] {
  if (results.length !== round.pairings.length)
    throw new Error(`applyRound: ${round.pairings.length} pairings but ${results.length} results`);
  const updates = new Map<string, { points: number; opponent: string; colour: Colour } | "bye">();
  round.pairings.forEach((p, i) => {
    const whitePoints = results[i] === "1-0" ? 1 : results[i] === "0-1" ? 0 : 0.5;
    updates.set(p.white, { points: whitePoints, opponent: p.black, colour: "white" });
    updates.set(p.black, { points: 1 - whitePoints, opponent: p.white, colour: "black" });
  });
  if (round.bye !== null) updates.set(round.bye, "bye");
  const ids = new Set(players.map((p) => p.id));
  for (const id of updates.keys()) if (!ids.has(id)) throw new Error(`applyRound: ${id} is not in the field`);
  // A player listed twice would silently lose a game from the record.
  if (updates.size !== 2 * round.pairings.length + (round.bye === null ? 0 : 1))
    throw new Error("applyRound: a player appears twice in the round");

  const scoreBefore = new Map(players.map((p) => [p.id, p.score]));
  return players.map((p) => {
    const u = updates.get(p.id);
    const copy: SwissPlayer = { ...p, opponents: [...p.opponents], colours: [...p.colours], lastFloat: null };
    if (u === "bye") return { ...copy, score: p.score + 1, hadBye: true, lastFloat: "down" };
    if (u)
      return {
        ...copy,
        score: p.score + u.points,
        opponents: [...copy.opponents, u.opponent],
        colours: [...copy.colours, u.colour],
        lastFloat: floatOf(p.score, scoreBefore.get(u.opponent)!),
      };
    return copy;
  });
}

/** How a player with `own` points floated against an opponent with `theirs`, both before the game. */
export function floatOf(own: number, theirs: number): "down" | "up" | null {
  return own > theirs ? "down" : own < theirs ? "up" : null;
}

/** A stored Swiss game as the pairing reads it back: side A had white; a bye has no side B. */
export interface PlayedGame {
  round: number;
  entrantA: string | null;
  entrantB: string | null;
  /** "bye": the pairing's bye (outcome "a", a point) or a round sat out (outcome "draw", half). */
  label: string | null;
  outcome: "a" | "b" | "draw" | null;
}

/**
 * The players as the next round's pairing needs them, from the games so far: scores, opponents
 * met, colours played, the pairing's bye had, and how each floated in the last round (from the
 * scores before it). Games against someone no longer in the field count for the one still in.
 */
export function swissPlayersFrom(field: { id: string; rank: number }[], games: PlayedGame[]): SwissPlayer[] {
  const players = new Map<string, SwissPlayer>(
    field.map((e) => [
      e.id,
      { id: e.id, score: 0, rank: e.rank, opponents: [], colours: [], hadBye: false, lastFloat: null },
    ]),
  );
  const last = Math.max(0, ...games.map((g) => g.round));
  const before = new Map<string, number>();
  const pointsOf = (g: PlayedGame) => (g.outcome === "a" ? 1 : g.outcome === "draw" ? 0.5 : 0);
  for (const g of [...games].sort((x, y) => x.round - y.round)) {
    if (g.round === last && before.size === 0) for (const p of players.values()) before.set(p.id, p.score);
    const a = g.entrantA ? players.get(g.entrantA) : undefined;
    const b = g.entrantB ? players.get(g.entrantB) : undefined;
    if (g.label === "bye") {
      // The pairing's bye is a point, once a tournament, and a float down; a round sat out is half
      // a point, no float, and does not use up the bye.
      if (a && g.outcome === "draw") a.score += 0.5;
      else if (a) {
        a.score += 1;
        a.hadBye = true;
        if (g.round === last) a.lastFloat = "down";
      }
      continue;
    }
    const pointsA = pointsOf(g);
    if (a) {
      a.score += pointsA;
      a.opponents.push(g.entrantB!);
      a.colours.push("white");
    }
    if (b) {
      b.score += 1 - pointsA;
      b.opponents.push(g.entrantA!);
      b.colours.push("black");
    }
  }
  for (const g of games.filter((x) => x.round === last && x.label !== "bye")) {
    const [a, b] = [g.entrantA ? players.get(g.entrantA) : undefined, g.entrantB ? players.get(g.entrantB) : undefined];
    if (a && b) {
      a.lastFloat = floatOf(before.get(a.id)!, before.get(b.id)!);
      b.lastFloat = floatOf(before.get(b.id)!, before.get(a.id)!);
    }
  }
  return [...players.values()];
}

function entrants(players: SwissPlayer[], seed: number | undefined): Entrant[] {
  const seen = new Set<string>();
  for (const p of players) {
    if (seen.has(p.id)) throw new Error(`pairSwissRound: player ${p.id} appears twice`);
    seen.add(p.id);
  }
  const drawSeed = seed ?? 0;
  const sorted = [...players].sort(
    (a, b) =>
      a.rank - b.rank ||
      drawHash(drawSeed, a.id) - drawHash(drawSeed, b.id) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return sorted.map((player, order) => {
    const whites = player.colours.filter((c) => c === "white").length;
    const diff = whites - (player.colours.length - whites);
    const [last, beforeLast] = [player.colours.at(-1), player.colours.at(-2)];
    const due: Colour | null = diff > 0 ? "black" : diff < 0 ? "white" : last ? opposite(last) : null;
    return {
      player,
      order,
      halfPoints: Math.round(player.score * 2),
      canWhite: diff + 1 <= MAX_COLOUR_DIFFERENCE && !(last === "white" && beforeLast === "white"),
      canBlack: diff - 1 >= -MAX_COLOUR_DIFFERENCE && !(last === "black" && beforeLast === "black"),
      due,
      strength: diff !== 0 ? 2 : last ? 1 : 0,
      met: new Set(player.opponents),
      lastFloat: player.lastFloat ?? null,
    };
  });
}

function haveMet(a: Entrant, b: Entrant): boolean {
  return a.met.has(b.player.id) || b.met.has(a.player.id);
}

/**
 * For a pair that may play: the colour the higher seed gets, and how far that falls short of what
 * both are due; null when nothing decides it (neither has played yet).
 */
function colourFor(
  higher: Entrant,
  lower: Entrant,
): { higherColour: Colour; strongMisses: number; mildMisses: number } | null {
  const higherWhite = higher.canWhite && lower.canBlack;
  const higherBlack = higher.canBlack && lower.canWhite;
  let colour: Colour;
  if (higherWhite && higherBlack) {
    if (higher.due && lower.due && higher.due === lower.due) {
      // Both due the same colour: the stronger claim wins (an uneven difference before a wish to
      // alternate, which keeps the field away from ±2), then the higher seed.
      colour = lower.strength > higher.strength ? opposite(lower.due) : higher.due;
    } else if (higher.due) colour = higher.due;
    else if (lower.due) colour = opposite(lower.due);
    else return null;
  } else if (higherWhite) colour = "white";
  else if (higherBlack) colour = "black";
  else return null;
  let strongMisses = 0;
  let mildMisses = 0;
  for (const [e, got] of [
    [higher, colour],
    [lower, opposite(colour)],
  ] as const) {
    if (e.due && e.due !== got) {
      if (e.strength === 2) strongMisses++;
      else mildMisses++;
    }
  }
  return { higherColour: colour, strongMisses, mildMisses };
}

function legal(a: Entrant, b: Entrant): boolean {
  if (haveMet(a, b)) return false;
  return (a.canWhite && b.canBlack) || (a.canBlack && b.canWhite);
}

function canPairAll(pool: Entrant[]): boolean {
  const edges: [number, number, number][] = [];
  for (let i = 0; i < pool.length; i++)
    for (let j = i + 1; j < pool.length; j++) if (legal(pool[i], pool[j])) edges.push([i, j, 1]);
  return maxWeightMatching(pool.length, edges, true).every((m) => m >= 0);
}

/**
 * The best perfect matching of an even pool, or null when the rules leave none.
 *
 * Each legal pair costs C1·(score difference in half points)² + C2·(colour shortfall) +
 * C3·(floats repeated) + (order shortfall), with C1, C2 and C3 large enough that no amount of a
 * lower preference outweighs one unit of a higher one. A float is repeated when the higher scorer
 * of an uneven pair floated down the round before, or the lower scorer floated up (the Dutch
 * system's rule, after the colours). Squaring the score difference is what sends floaters to the next group down:
 * two players dropping one group each cost less than one dropping two.
 */
function bestPairs(pool: Entrant[]): [Entrant, Entrant][] | null {
  const n = pool.length;
  if (n === 0) return [];
  const place = dutchPlaces(pool);

  const orderCap = 2 * n; // an order shortfall per pair stays below this
  const C3 = (n / 2) * orderCap + 1;
  const C2 = (n + 1) * C3; // at most two repeated floats a pair, n in all
  const strongWeight = n + 1; // one uneven difference left uneven outweighs every alternation missed
  const C1 = (n * strongWeight + n) * C2 + C2;

  const costs: [number, number, number][] = [];
  let maxCost = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [pool[i], pool[j]];
      if (!legal(a, b)) continue;
      const [higher, lower] = a.order < b.order ? [a, b] : [b, a];
      const colour = colourFor(higher, lower);
      const d = a.halfPoints - b.halfPoints;
      const [up, down] = d > 0 ? [b, a] : [a, b];
      const repeats = d === 0 ? 0 : (down.lastFloat === "down" ? 1 : 0) + (up.lastFloat === "up" ? 1 : 0);
      const cost =
        C1 * d * d +
        C2 * (colour ? colour.strongMisses * strongWeight + colour.mildMisses : 0) +
        C3 * repeats +
        orderShortfall(a, b, place);
      costs.push([i, j, cost]);
      maxCost = Math.max(maxCost, cost);
    }
  }
  if (!Number.isSafeInteger((maxCost + 1) * 4 * n))
    throw new Error("pairSwissRound: field too large for exact pairing weights");

  const mate = maxWeightMatching(
    n,
    costs.map(([i, j, c]) => [i, j, maxCost + 1 - c]),
    true,
  );
  if (mate.some((m) => m < 0)) return null;
  const pairs: [Entrant, Entrant][] = [];
  for (let i = 0; i < n; i++) if (mate[i] > i) pairs.push([pool[i], pool[mate[i]]]);
  return pairs;
}

interface DutchPlace {
  group: number;
  position: number;
  size: number;
}

/** Each player's score group (0 = top) and place in it, strongest first. */
function dutchPlaces(pool: Entrant[]): Map<Entrant, DutchPlace> {
  const byGroup = new Map<number, Entrant[]>();
  for (const e of pool) byGroup.set(e.halfPoints, [...(byGroup.get(e.halfPoints) ?? []), e]);
  const keys = [...byGroup.keys()].sort((x, y) => y - x);
  const place = new Map<Entrant, DutchPlace>();
  keys.forEach((k, group) => {
    const members = byGroup.get(k)!.sort((x, y) => x.order - y.order);
    members.forEach((e, position) => place.set(e, { group, position, size: members.length }));
  });
  return place;
}

/**
 * How far a pair strays from the Dutch order. Within a group of size s the ideal is place i against
 * place i + ⌊s/2⌋ (top half against bottom half). Across groups the ideal floater is the upper
 * group's weakest meeting the lower group's strongest.
 */
function orderShortfall(a: Entrant, b: Entrant, place: Map<Entrant, DutchPlace>): number {
  let [pa, pb] = [place.get(a)!, place.get(b)!];
  if (pa.group > pb.group || (pa.group === pb.group && pa.position > pb.position)) [pa, pb] = [pb, pa];
  if (pa.group === pb.group) return Math.abs(pb.position - pa.position - Math.floor(pa.size / 2));
  return pa.size - 1 - pa.position + pb.position;
}

function opposite(c: Colour): Colour {
  return c === "white" ? "black" : "white";
}

function seedColour(seed: number | undefined): Colour {
  if (seed === undefined) return "white";
  return mix32(seed ^ 0x5bd1e995) & 1 ? "black" : "white";
}

/** A stable stand-in for drawing lots between equal ranks: the same seed and id always agree. */
function drawHash(seed: number, id: string): number {
  let h = 0x811c9dc5 ^ mix32(seed);
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return mix32(h) >>> 0;
}

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
