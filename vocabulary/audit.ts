// Client-safe: the audit log's vocabulary.

/** "ok" when it happened, "refused" when the actor was turned away. */
export const AUDIT_OUTCOMES = ["ok", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
