import { describe, expect, it } from "vitest";
import { defaultGameFor } from "./default-game";
import { BOARD_GAMES, competitionSetupSchema, SCORE_KIND, SIDE_COLOURS } from "./schemas";
import { STANDINGS_GAME } from "./views";

describe("the games", () => {
  it("guesses the game from the item's name: 国际象棋 is chess, 象棋 is xiangqi", () => {
    expect(defaultGameFor("国际象棋比赛", "card_chess")).toBe("chess");
    expect(defaultGameFor("少儿国际象棋快棋赛", "card_chess")).toBe("chess");
    expect(defaultGameFor("象棋比赛", "card_chess")).toBe("xiangqi");
    expect(defaultGameFor("Chinese chess open", "card_chess")).toBe("xiangqi");
    expect(defaultGameFor("Chess open", "card_chess")).toBe("chess");
    expect(defaultGameFor("围棋比赛", "card_chess")).toBe("go");
    expect(defaultGameFor("掼蛋比赛", "card_chess")).toBe("guandan");
    expect(defaultGameFor("棋牌活动", "card_chess")).toBe("xiangqi");
    expect(defaultGameFor("趣味运动会", "sport_event")).toBe("relay");
  });

  it("xiangqi is scored and ranked like chess, with red and black sides, and may be a Swiss", () => {
    expect(SCORE_KIND.xiangqi).toBe("chess");
    expect(STANDINGS_GAME.xiangqi).toBe("chess");
    expect(SIDE_COLOURS.xiangqi).toEqual(["red", "black"]);
    expect(SIDE_COLOURS.chess).toEqual(["white", "black"]);
    expect(SIDE_COLOURS.table_tennis).toBeUndefined();
    expect(BOARD_GAMES).toEqual(["chess", "xiangqi", "go"]);
    const id = "6f1c1a52-3b8e-4c1d-9a55-0f7d7c1a2b3c";
    expect(
      competitionSetupSchema.safeParse({
        itemId: id,
        format: "swiss",
        game: "xiangqi",
        entrantKind: "individual",
        rounds: 5,
      }).success,
    ).toBe(true);
    const teams = competitionSetupSchema.safeParse({
      itemId: id,
      format: "swiss",
      game: "tug_of_war",
      entrantKind: "team",
      rounds: 5,
    });
    expect(teams.success).toBe(false);
  });
});
