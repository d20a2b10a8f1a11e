import type { GameType } from "@/db/schema/competitions";

/**
 * How each game's result form is shaped. The same mapping as the service's `SCORE_KIND`, which
 * lives beside the database code and cannot reach the browser; a test keeps the two equal.
 */
export const SCORE_KIND_OF: Record<GameType, "chess" | "go" | "table_tennis" | "guandan" | "tug_of_war" | "relay"> = {
  chess: "chess",
  go: "go",
  table_tennis: "table_tennis",
  badminton: "relay",
  bridge: "relay",
  guandan: "guandan",
  tug_of_war: "tug_of_war",
  relay: "relay",
};
