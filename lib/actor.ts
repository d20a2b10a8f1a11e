// Who is acting: the identity every service and every read receives, beside Result; it depends on
// nothing but the vocabulary, so any domain (the audit log included) may use it.
import type { Role } from "@/vocabulary/accounts";

/** Who is acting: what every service receives and checks. `null` is a visitor. */
export interface Actor {
  id: string;
  name: string;
  roles: Role[];
  verified: boolean;
  householdId: string | null;
  ip?: string | null;
}

export const hasRole = (actor: Actor | null, role: Role): boolean => !!actor && actor.roles.includes(role);
export const isOrganiser = (actor: Actor | null): boolean => hasRole(actor, "organiser") || hasRole(actor, "admin");
export const isAdmin = (actor: Actor | null): boolean => hasRole(actor, "admin");
