import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { containsPattern } from "@/lib/like-pattern";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";

// Who did what, with their phone numbers: organisers only. Each read takes the actor and answers
// anyone else `forbidden`, with no rows.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  outcome?: "ok" | "refused";
  actor?: string;
  /** yyyy-mm-dd, in the community's time zone. */
  from?: string;
  to?: string;
  page: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorPhone: string | null;
  action: string;
  outcome: "ok" | "refused";
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const TZ = "Asia/Shanghai";

export async function listAudit(db: DbOrTx, actor: Actor | null, f: AuditFilters): Promise<Result<Page<AuditRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const conds: (SQL | undefined)[] = [];
  if (f.action) conds.push(sql`${auditLog.action} like ${f.action.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}`);
  if (f.outcome) conds.push(eq(auditLog.outcome, f.outcome));
  if (f.actor) {
    const typed = containsPattern(f.actor);
    conds.push(sql`(${users.name} ilike ${typed} or ${users.phone} like ${typed})`);
  }
  if (f.from) conds.push(gte(auditLog.at, sql`(${f.from}::date)::timestamp at time zone ${TZ}`));
  if (f.to) conds.push(lt(auditLog.at, sql`((${f.to}::date + 1)::timestamp) at time zone ${TZ}`));
  const where = and(...conds);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, f.page, AUDIT_PAGE_SIZE);
  const rows: AuditRow[] = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: users.name,
      actorPhone: users.phone,
      action: auditLog.action,
      outcome: auditLog.outcome,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}

/** The distinct actions in the log, for the filter's choices. */
export async function listAuditActions(db: DbOrTx, actor: Actor | null): Promise<Result<string[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return ok(rows.map((r) => r.action));
}
