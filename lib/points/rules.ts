import "server-only";
import { eq, sql } from "drizzle-orm";
import { pointRules, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { DEFAULT_POINT_RULES, SERVICE_POINT_KINDS, type PointRule, type ServicePointKind } from "@/vocabulary/points";
import { pointRuleSchema } from "./schemas";

// The point rules: what each kind of service earns, set by the organisers. A service confirmed
// today earns by today's rule; the ledger keeps the rule with each entry, so a later change
// never rewrites what was earned.

export interface PointRuleRow extends PointRule {
  kind: ServicePointKind;
  /** False while the kind earns the default. */
  set: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** Every service's rule as it stands (the default where none was set). Not secret: volunteers read them. */
export async function currentPointRules(db: DbOrTx): Promise<Record<ServicePointKind, PointRuleRow>> {
  const rows = await db
    .select({
      kind: pointRules.kind,
      basis: pointRules.basis,
      points: pointRules.points,
      updatedAt: pointRules.updatedAt,
      updatedByName: users.name,
    })
    .from(pointRules)
    .leftJoin(users, eq(users.id, pointRules.updatedBy));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return Object.fromEntries(
    SERVICE_POINT_KINDS.map((kind) => {
      const r = byKind.get(kind);
      return [
        kind,
        r
          ? { ...r, set: true }
          : { kind, ...DEFAULT_POINT_RULES[kind], set: false, updatedAt: null, updatedByName: null },
      ];
    }),
  ) as Record<ServicePointKind, PointRuleRow>;
}

/** An organiser sets one service's rule; it counts for what is confirmed from now on. */
export async function setPointRule(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.rule_set");
  const parsed = parseInput(pointRuleSchema, input);
  if (!parsed.ok) return parsed;
  const { kind, basis, points } = parsed.data;
  return db.transaction(async (tx) => {
    const before = (await currentPointRules(tx))[kind];
    await tx
      .insert(pointRules)
      .values({ kind, basis, points, updatedBy: actor!.id })
      .onConflictDoUpdate({
        target: pointRules.kind,
        set: { basis, points, updatedBy: actor!.id, updatedAt: sql`now()` },
      });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.rule_set",
      targetType: "point_rule",
      details: { kind, before: { basis: before.basis, points: before.points }, after: { basis, points } },
    });
    return ok(undefined);
  });
}
