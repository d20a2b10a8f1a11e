import "server-only";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export interface AuditInput {
  actorId?: string | null;
  action: string;
  outcome?: "ok" | "refused";
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** The one writer of the audit log. Pass the transaction so the entry commits with the change. */
export async function writeAudit(db: DbOrTx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId ?? null,
    action: entry.action,
    outcome: entry.outcome ?? "ok",
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}

/** A refused attempt is logged too, then answered with `forbidden`. */
export async function refuse(
  db: DbOrTx,
  actorId: string | null | undefined,
  action: string,
  details: Record<string, unknown> = {},
): Promise<{ ok: false; code: "forbidden" }> {
  await writeAudit(db, { actorId: actorId ?? null, action, outcome: "refused", details });
  return { ok: false, code: "forbidden" };
}
