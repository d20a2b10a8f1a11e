"use server";

import { redirect } from "next/navigation";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { households } from "@/db/schema";
import { formValues, refused, succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { isOrganiser } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { PHOTO_MAX_BYTES } from "@/lib/photos/limits";
import { parseInput } from "@/lib/validation";
import { addressQuery } from "@/lib/address-query";
import { renew } from "@/lib/cache/invalidation";
import { wishAdminFilterSchema, type WishAdminFilters } from "./admin-forms";
import { wishForBeneficiarySchema } from "./schemas";
import { confirmFulfilment, releaseClaim, submitWishFor, updateSettings, vetWish } from "./service";

// The organisers' micro-wish forms. Session → service → refresh; every rule, and who may do it,
// lives in the services (a form field here only shapes the input).

const refresh = () => renew("wishesChanged");

const errorsOf = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  const parsed = parseInput(schema, input);
  return parsed.ok ? {} : (parsed.fieldErrors ?? {});
};

const orNull = (v: string) => (v.trim() === "" ? null : v);

/** Approve, reject or send back the ticked wishes; a rejection or a sending back needs a reason. */
export async function vetWishesAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ changed: number; selected: number }>> {
  const values = formValues(formData, ["decision", "reason"]);
  const ids = formData.getAll("ids").map(String);
  if (ids.length === 0) return refused("nothing_selected", { values });
  const db = await getDb();
  const actor = await getActor();
  let changed = 0;
  for (const id of ids) {
    const result = await vetWish(db, actor, { id, decision: values.decision, reason: values.reason });
    if (result.ok) changed += 1;
    // A missing reason or a refusal is the same for every row: say it once, change nothing more.
    else if (result.code !== "not_found") return toActionState(result, values);
  }
  await refresh();
  return succeeded({ changed, selected: ids.length });
}

/**
 * Back to the list the organiser was looking at, saying what was done: the row itself may have
 * left that tab (a confirmed wish is no longer "fulfilled"), so the outcome lives in the address.
 */
function backTo(back: string, outcome: "confirmed" | "released", claimId: string): never {
  const filters = wishAdminFilterSchema.parse(Object.fromEntries(new URLSearchParams(back)));
  const query = addressQuery<WishAdminFilters & { confirmed?: string; released?: string }>(filters, {
    [outcome]: claimId,
  });
  redirect(`/dashboard/wishes${query}`);
}

/** The beneficiary says it came true: the wish is done, the volunteer's points and hours are written. */
export async function confirmFulfilmentAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ points: number }>> {
  const values = formValues(formData, ["claimId", "thanks", "hours", "minutes", "back"]);
  const result = await confirmFulfilment(await getDb(), await getActor(), {
    claimId: values.claimId,
    thanks: values.thanks,
    hours: values.hours,
    minutes: values.minutes,
  });
  if (!result.ok) return toActionState(result, values);
  await refresh();
  backTo(values.back, "confirmed", values.claimId);
}

/** A stuck claim let go: the wish reopens on the wall and the volunteer is told. */
export async function releaseClaimAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["claimId", "reason", "back"]);
  const result = await releaseClaim(await getDb(), await getActor(), {
    claimId: values.claimId,
    reason: values.reason,
  });
  if (!result.ok) return toActionState(result, values);
  await refresh();
  backTo(values.back, "released", values.claimId);
}

const WISH_FIELDS = [
  "title",
  "story",
  "category",
  "value",
  "wantedBy",
  "alias",
  "realName",
  "phone",
  "building",
  "unit",
  "room",
  "address",
  "age",
  "circumstance",
];

/**
 * An organiser writes a wish down for a beneficiary, with a photo if there is one (a server action
 * takes the file, so the form works without JavaScript; next.config bounds the body at 2 MB).
 * A household is picked by building, unit and room from the roster.
 */
export async function createWishAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ id: string; title: string }>> {
  const values = formValues(formData, WISH_FIELDS);
  const actor = await getActor();
  const db = await getDb();
  const file = formData.get("photo");
  const photo = file instanceof File && file.size > 0 ? file : null;
  if (photo && photo.size > PHOTO_MAX_BYTES)
    return refused("invalid", { fieldErrors: { photo: ["photo_too_large"] }, values });
  let householdId: string | null = null;
  // Only for organisers: anyone else goes straight to the service, which refuses and logs it.
  if (isOrganiser(actor) && values.building.trim()) {
    const [h] = await db
      .select({ id: households.id })
      .from(households)
      .where(
        and(
          eq(households.building, values.building.trim()),
          eq(households.unit, values.unit.trim()),
          eq(households.room, values.room.trim()),
        ),
      );
    if (!h) return refused("invalid", { fieldErrors: { household: ["household_unknown"] }, values });
    householdId = h.id;
  }
  const input = {
    title: values.title,
    story: values.story,
    category: values.category,
    value: values.value,
    wantedBy: orNull(values.wantedBy),
    alias: values.alias,
    beneficiary: {
      realName: values.realName,
      phone: orNull(values.phone),
      householdId,
      address: orNull(values.address),
      age: values.age,
      circumstance: values.circumstance,
    },
  };
  if (isOrganiser(actor)) {
    // The same schema the service parses, in two parts, so each complaint lands on its own field
    // (the beneficiary's fields are nested in the input but flat in the form).
    const fieldErrors = {
      ...errorsOf(wishForBeneficiarySchema.omit({ beneficiary: true }), input),
      ...errorsOf(wishForBeneficiarySchema.shape.beneficiary, input.beneficiary),
    };
    if (Object.keys(fieldErrors).length) return refused("invalid", { fieldErrors, values });
  }
  const result = await submitWishFor(db, actor, input, photo ? Buffer.from(await photo.arrayBuffer()) : null);
  if (!result.ok) return toActionState(result, values);
  await refresh();
  return succeeded({ id: result.data.id, title: values.title });
}

export async function updateWishSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["wishValueCap", "claimCap", "claimDays"]);
  const result = await updateSettings(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}
