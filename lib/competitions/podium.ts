// Pure: the podium of a finished competition from what the public page already builds (the
// standings and the bracket), so the festival page and the competition page never disagree.

import type { GroupView, MatchView, SideView } from "./views";

export interface PodiumPlace {
  /** 1, 2 or 3; a place shared by several skips the next ones (1, 1, 3). */
  place: 1 | 2 | 3;
  shared: boolean;
  names: string[];
}

export type Podium =
  /** One field: the first three places. */
  | { kind: "places"; places: PodiumPlace[] }
  /** A round robin in several groups has no overall order: each group's first (shared firsts all named). */
  | { kind: "groups"; groups: Array<{ groupNo: number | null; names: string[] }> };

interface Bracket {
  rounds: Array<{ matches: MatchView[] }>;
  thirdPlace: MatchView | null;
  champion: SideView | null;
  losers?: Array<{ matches: MatchView[] }>;
  grandFinal?: MatchView | null;
}

const winnerOf = (m: MatchView | null | undefined) => (m?.winner === "a" ? m.a : m?.winner === "b" ? m.b : null);
const loserOf = (m: MatchView | null | undefined) => (m?.winner === "a" ? m.b : m?.winner === "b" ? m.a : null);

/**
 * Knockout: the final's winner and loser, then the third-place match's winner — or, without
 * one, both losing semi-finalists sharing third. Round robin and Swiss: the standings' first
 * three places as ranked, shared places kept shared.
 */
export function podiumOf(built: { groups: GroupView[]; bracket: Bracket | null }): Podium {
  const { bracket, groups } = built;
  if (bracket?.grandFinal !== undefined) {
    // Double elimination: the grand final's winner and loser, then the loser of the losers' final.
    const places: PodiumPlace[] = [];
    const [first, second, third] = [
      winnerOf(bracket.grandFinal),
      loserOf(bracket.grandFinal),
      loserOf(bracket.losers?.at(-1)?.matches.at(-1)),
    ];
    if (first) places.push({ place: 1, shared: false, names: [first.name] });
    if (second) places.push({ place: 2, shared: false, names: [second.name] });
    if (third) places.push({ place: 3, shared: false, names: [third.name] });
    return { kind: "places", places };
  }
  if (bracket) {
    const final = bracket.rounds.at(-1)?.matches[0];
    const places: PodiumPlace[] = [];
    const first = bracket.champion ?? winnerOf(final);
    if (first) places.push({ place: 1, shared: false, names: [first.name] });
    const second = loserOf(final);
    if (second) places.push({ place: 2, shared: false, names: [second.name] });
    const third = bracket.thirdPlace
      ? [winnerOf(bracket.thirdPlace)]
      : (bracket.rounds.at(-2)?.matches ?? []).map(loserOf);
    const thirds = third.filter((s): s is SideView => !!s);
    if (thirds.length) places.push({ place: 3, shared: thirds.length > 1, names: thirds.map((s) => s.name) });
    return { kind: "places", places };
  }
  if (groups.length > 1)
    return {
      kind: "groups",
      groups: groups.map((g) => ({
        groupNo: g.groupNo,
        names: g.standings.filter((r) => r.rank === 1).map((r) => r.entrant.name),
      })),
    };
  const rows = groups[0]?.standings ?? [];
  const places: PodiumPlace[] = [];
  for (const place of [1, 2, 3] as const) {
    const at = rows.filter((r) => r.rank === place);
    if (at.length) places.push({ place, shared: at.length > 1, names: at.map((r) => r.entrant.name) });
  }
  return { kind: "places", places };
}
