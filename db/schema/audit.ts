import { index, jsonb, pgTable, text, timestamp, uuid, bigserial } from "drizzle-orm/pg-core";
import { AUDIT_OUTCOMES } from "../../vocabulary/audit";
import { users } from "./accounts";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The action, e.g. "auth.sign_in", "households.import", "residents.verify". */
    action: text("action").notNull(),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull().default("ok"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_action_at_idx").on(t.action, t.at),
    index("audit_actor_at_idx").on(t.actorId, t.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
