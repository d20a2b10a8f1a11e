import type { GameType } from "@/vocabulary/competitions";

// A first guess at the game from the item's name, so the set-up form usually needs no change.
// The names are written as escapes (围棋, 国际象棋, 象棋, 乒乓, 羽毛球, 掼蛋, 桥牌, 拔河, 接力):
// they match data, they are not text shown to anyone. International chess before 象棋, which it contains.
const GUESSES: [RegExp, GameType][] = [
  [/\u56f4\u68cb|\bgo\b/i, "go"],
  [/xiangqi|chinese chess/i, "xiangqi"],
  [/\u56fd\u9645\u8c61\u68cb|\bchess\b/i, "chess"],
  [/\u8c61\u68cb/, "xiangqi"],
  [/\u4e52\u4e53|table tennis|ping/i, "table_tennis"],
  [/\u7fbd\u6bdb\u7403|badminton/i, "badminton"],
  [/\u63bc\u86cb|guandan/i, "guandan"],
  [/\u6865\u724c|bridge/i, "bridge"],
  [/\u62d4\u6cb3|tug/i, "tug_of_war"],
  [/\u63a5\u529b|relay/i, "relay"],
];

export function defaultGameFor(title: string, kind: "sport_event" | "card_chess"): GameType {
  return GUESSES.find(([re]) => re.test(title))?.[1] ?? (kind === "card_chess" ? "xiangqi" : "relay");
}
