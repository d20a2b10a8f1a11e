import "server-only";
import { and, eq } from "drizzle-orm";
import { communitySettings, householdLinkRequests, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { changeHousehold, householdCodeCap } from "./household-change";
import { canVerifyResidents } from "./permissions";
import { householdRequestDecisionSchema, householdSettingsSchema } from "./schemas";

/**
 * An organiser approves a household link that waits beyond the code's cap (the account is then
 * verified in that household, under the same rules as any change) or refuses it with a reason.
 */
export async function decideHouseholdRequest(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ status: "approved" | "refused" }>> {
  if (!canVerifyResidents(actor)) return refuse(db, actor?.id, "households.decide_link");
  const parsed = parseInput(householdRequestDecisionSchema, input);
  if (!parsed.ok) return parsed;
  const { id, decision, reason } = parsed.data;
  const now = ctx.now ?? new Date();
  const waiting = and(eq(householdLinkRequests.id, id), eq(householdLinkRequests.status, "waiting"));
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ userId: householdLinkRequests.userId })
      .from(householdLinkRequests)
      .where(waiting);
    if (!found) return fail("not_found");
    // The person's row first, then the request: the order every household change locks in.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, found.userId)).for("update");
    const [request] = await tx
      .select({ userId: householdLinkRequests.userId, householdId: householdLinkRequests.householdId })
      .from(householdLinkRequests)
      .where(waiting)
      .for("update");
    // Decided once: a second organiser's answer at the same moment finds nothing waiting.
    if (!request) return fail("not_found");
    if (decision === "approve") {
      const changed = await changeHousehold(tx, {
        ...request,
        by: "organiser",
        actorId: actor!.id,
        action: "households.approve_link",
        ip: actor!.ip,
        now,
        details: { requestId: id, ...(reason ? { reason } : {}) },
      });
      return changed.ok ? ok({ status: "approved" as const }) : changed;
    }
    await tx
      .update(householdLinkRequests)
      .set({ status: "refused", reason, decidedBy: actor!.id, decidedAt: now })
      .where(eq(householdLinkRequests.id, id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "households.refuse_link",
      targetType: "user",
      targetId: request.userId,
      ip: actor!.ip ?? null,
      details: { requestId: id, householdId: request.householdId, reason, self: actor!.id === request.userId },
    });
    return ok({ status: "refused" as const });
  });
}

/** How many accounts one household code verifies before the next waits for an organiser. */
export async function updateHouseholdSettings(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!canVerifyResidents(actor)) return refuse(db, actor?.id, "households.settings");
  const parsed = parseInput(householdSettingsSchema, input);
  if (!parsed.ok) return parsed;
  const { householdCodeCap: cap } = parsed.data;
  return db.transaction(async (tx) => {
    const before = await householdCodeCap(tx);
    await tx
      .insert(communitySettings)
      .values({ id: 1, householdCodeCap: cap, updatedAt: new Date() })
      .onConflictDoUpdate({ target: communitySettings.id, set: { householdCodeCap: cap, updatedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "households.settings",
      targetType: "settings",
      details: { householdCodeCap: { before, after: cap } },
    });
    return ok(undefined);
  });
}
