import { z } from "zod";
import "@/lib/zod-codes";
import type { ScoreInput } from "./scores";
import { SCHEDULE_LIMITS } from "./schedule";
import {
  COMPETITION_FORMATS,
  ENTRANT_KINDS,
  GAME_TYPES,
  SEEDINGS,
  type EntrantKind,
  type GameType,
} from "@/vocabulary/competitions";

// Client-safe: the competition set-up form, parsed by the form and again by the service. Messages
// are error codes under "fieldErrors".

const id = z.uuid({ error: "invalid" });
const flag = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const optionalWhole = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(min, { error: "number_invalid" })
      .max(max, { error: "number_invalid" })
      .nullable(),
  );

/** Who plays each game: chess is one against one, Guandan pairs, tug-of-war teams. */
export const GAME_ENTRANTS: Record<GameType, readonly EntrantKind[]> = {
  chess: ["individual"],
  xiangqi: ["individual"],
  go: ["individual"],
  table_tennis: ["individual", "pair"],
  badminton: ["individual", "pair"],
  guandan: ["pair"],
  bridge: ["pair"],
  tug_of_war: ["team"],
  relay: ["team"],
};
/** Board games: one against one with a colour each, scored 1–0 / ½–½ / 0–1; the Swiss games. */
export const BOARD_GAMES: readonly GameType[] = ["chess", "xiangqi", "go"];
/** The sides' colours as the players say them: white and black, or red and black in xiangqi (red moves first). */
export const SIDE_COLOURS: Partial<Record<GameType, readonly ["white" | "red", "black"]>> = {
  chess: ["white", "black"],
  go: ["white", "black"],
  xiangqi: ["red", "black"],
};

/** Games scored game by game, best of 3 or 5 (badminton records the winner only). */
export const GAMES_WITH_SETS: readonly GameType[] = ["table_tennis"];

export const competitionSetupSchema = z
  .object({
    itemId: id,
    format: z.enum(COMPETITION_FORMATS, { error: "invalid" }),
    game: z.enum(GAME_TYPES, { error: "invalid" }),
    entrantKind: z.enum(ENTRANT_KINDS, { error: "invalid" }),
    groupSize: optionalWhole(3, 16).default(null),
    thirdPlace: flag.default(false),
    rounds: optionalWhole(1, 15).default(null),
    bestOf: optionalWhole(1, 5).default(null),
    seeding: z.enum(SEEDINGS, { error: "invalid" }).default("random"),
  })
  .superRefine((v, ctx) => {
    if (!GAME_ENTRANTS[v.game].includes(v.entrantKind))
      ctx.addIssue({ code: "custom", message: "entrant_kind_for_game", path: ["entrantKind"] });
    // Swiss pairs by score with colours: the chess and Go format.
    if (v.format === "swiss" && !BOARD_GAMES.includes(v.game))
      ctx.addIssue({ code: "custom", message: "swiss_chess_go_only", path: ["format"] });
    if (v.format === "swiss" && v.rounds === null)
      ctx.addIssue({ code: "custom", message: "required", path: ["rounds"] });
    if (GAMES_WITH_SETS.includes(v.game) && v.bestOf !== 3 && v.bestOf !== 5)
      ctx.addIssue({ code: "custom", message: "best_of_3_or_5", path: ["bestOf"] });
  });
export type CompetitionSetup = z.output<typeof competitionSetupSchema>;

export const checkInSchema = z.object({ entrantId: id, checkedIn: flag });
export const refereeSchema = z.object({
  competitionId: id,
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" }),
  grant: flag,
});

/** How each game's score is written: chess by its result, table tennis game by game, … */
export const SCORE_KIND: Record<GameType, Exclude<ScoreInput["kind"], "walkover" | "withdrawal">> = {
  chess: "chess",
  xiangqi: "chess",
  go: "go",
  table_tennis: "table_tennis",
  // Badminton, bridge and relay record the winner only.
  badminton: "relay",
  bridge: "relay",
  guandan: "guandan",
  tug_of_war: "tug_of_war",
  relay: "relay",
};

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(min, { error: "number_invalid" })
    .max(max, { error: "number_invalid" });
/** Wall-clock time in the festival's zone, as a datetime-local input gives it. */
const localTime = z
  .string({ error: "required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "datetime_invalid" })
  .refine(
    (s) => {
      // A real day and time of day: 30 February or 25:61 are refused, not rolled over.
      const [y, mo, d, h, mi] = s.split(/[-T:]/).map(Number);
      const at = new Date(Date.UTC(y, mo - 1, d, h, mi));
      return (
        y >= 2000 &&
        at.getUTCFullYear() === y &&
        at.getUTCMonth() === mo - 1 &&
        at.getUTCDate() === d &&
        at.getUTCHours() === h &&
        at.getUTCMinutes() === mi
      );
    },
    { error: "datetime_invalid" },
  );

/** When the rounds are played and on how many tables: round k's start is `roundStarts[k-1]`. */
export const scheduleSchema = z.object({
  competitionId: id,
  tables: whole(SCHEDULE_LIMITS.tables.min, SCHEDULE_LIMITS.tables.max),
  matchMinutes: whole(SCHEDULE_LIMITS.matchMinutes.min, SCHEDULE_LIMITS.matchMinutes.max),
  roundStarts: z.array(localTime).min(1).max(SCHEDULE_LIMITS.rounds.max),
  /** The competition's version the form was made from: a draw made again meanwhile is not overwritten. */
  version: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).optional(),
  ),
});
export type ScheduleInput = z.output<typeof scheduleSchema>;
