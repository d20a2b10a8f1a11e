"use server";

import { getDb } from "@/db";
import { formValues, refused, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { clearDraw, makeDraw } from "./draw-service";
import { enterResult, pairNextRound, setHalfBye, withdrawEntrant } from "./results-service";
import { setCheckedIn, setReferee, setUpCompetition, syncEntrants } from "./service";
import { scheduleCompetition } from "./schedule-service";

// Session → service → revalidate. Every rule (and who may do it) lives in the services.

const refresh = () => renew("competitionChanged");

const SETUP_FIELDS = [
  "itemId",
  "format",
  "game",
  "entrantKind",
  "groupSize",
  "thirdPlace",
  "rounds",
  "bestOf",
  "seeding",
];

export async function setUpCompetitionAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ id: string }>> {
  const values = formValues(formData, SETUP_FIELDS);
  const result = await setUpCompetition(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function syncEntrantsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ entrants: number; waiting: string[] }>> {
  const result = await syncEntrants(await getDb(), await getActor(), String(formData.get("competitionId") ?? ""));
  if (result.ok) await refresh();
  return toActionState(result);
}

export async function setCheckedInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["entrantId", "checkedIn"]);
  const result = await setCheckedIn(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function setRefereeAction(_prev: ActionState, formData: FormData): Promise<ActionState<{ name: string }>> {
  const values = formValues(formData, ["competitionId", "phone", "grant"]);
  const result = await setReferee(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function makeDrawAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ entrants: number; matches: number; seed: number }>> {
  const values = formValues(formData, ["competitionId", "seed"]);
  const typed = values.seed.trim();
  // An empty seed draws at random; anything else must be a whole number the service can repeat.
  if (typed !== "" && !/^\d{1,10}$/.test(typed))
    return refused("invalid", { fieldErrors: { seed: ["number_invalid"] }, values });
  const result = await makeDraw(await getDb(), await getActor(), {
    competitionId: values.competitionId,
    seed: typed === "" ? undefined : Number(typed),
  });
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function clearDrawAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await clearDraw(await getDb(), await getActor(), String(formData.get("competitionId") ?? ""));
  if (result.ok) await refresh();
  return toActionState(result);
}

export async function pairNextRoundAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ round: number; matches: number }>> {
  const result = await pairNextRound(await getDb(), await getActor(), String(formData.get("competitionId") ?? ""));
  if (result.ok) await refresh();
  return toActionState(result);
}

export async function withdrawEntrantAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ walkovers: number }>> {
  const result = await withdrawEntrant(await getDb(), await getActor(), String(formData.get("entrantId") ?? ""));
  if (result.ok) await refresh();
  return toActionState(result);
}

/** A number box: empty or not a number goes on as NaN-free text so the schema refuses it. */
const count = (v: string): unknown =>
  /^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : v.trim() === "" ? undefined : -1;

/**
 * The result form's fields as the service's result: `kind` says which fields the form had; the
 * walkover buttons send `absent` instead.
 */
function resultFrom(formData: FormData): unknown {
  const get = (k: string) => String(formData.get(k) ?? "");
  const absent = get("absent");
  if (absent) return { kind: "walkover", absent };
  const kind = get("kind");
  switch (kind) {
    case "chess":
    case "go":
      return { kind, result: get("result") };
    case "table_tennis": {
      const games: unknown[] = [];
      for (let i = 1; i <= 5; i++) {
        const a = get(`a${i}`).trim();
        const b = get(`b${i}`).trim();
        // Games not played stay empty; a half-filled game is sent so it is refused.
        if (a === "" && b === "") continue;
        games.push([count(a), count(b)]);
      }
      return { kind, games };
    }
    case "guandan":
      return { kind, a: get("a"), b: get("b") };
    case "tug_of_war":
      return { kind, pulls: [count(get("a")), count(get("b"))] };
    case "relay":
      return { kind, winner: get("winner") };
    default:
      return { kind };
  }
}

const RESULT_FIELDS = [
  "matchId",
  "version",
  "kind",
  "result",
  "a",
  "b",
  "winner",
  "a1",
  "b1",
  "a2",
  "b2",
  "a3",
  "b3",
  "a4",
  "b4",
  "a5",
  "b5",
];

export async function enterResultAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const values = formValues(formData, RESULT_FIELDS);
  const version = Number(values.version);
  const result = await enterResult(await getDb(), await getActor(), {
    matchId: values.matchId,
    version: Number.isInteger(version) ? version : undefined,
    result: resultFrom(formData),
  });
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function scheduleCompetitionAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ warnings: number }>> {
  const base = formValues(formData, ["competitionId", "tables", "matchMinutes", "version"]);
  const roundStarts = formData.getAll("roundStarts").map(String);
  const values = { ...base, ...Object.fromEntries(roundStarts.map((v, i) => [`round${i + 1}`, v])) };
  const result = await scheduleCompetition(await getDb(), await getActor(), { ...base, roundStarts });
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function setHalfByeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ round: number | null }>> {
  const result = await setHalfBye(await getDb(), await getActor(), {
    entrantId: String(formData.get("entrantId") ?? ""),
    sitOut: formData.get("sitOut") === "true",
  });
  if (result.ok) await refresh();
  return toActionState(result);
}
