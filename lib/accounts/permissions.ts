import type { Role } from "@/vocabulary/accounts";
import { isAdmin, isOrganiser, type Actor } from "@/lib/actor";

/** Household roster, codes, slips, verifying residents, the audit log. */
export const canManageHouseholds = (actor: Actor | null) => isOrganiser(actor);
export const canVerifyResidents = (actor: Actor | null) => isOrganiser(actor);
export const canReadAudit = (actor: Actor | null) => isOrganiser(actor);

/** Organisers grant the volunteer role; only an admin grants organiser or admin. */
export function canGrantRole(actor: Actor | null, role: Role): boolean {
  if (role === "volunteer") return isOrganiser(actor);
  if (role === "organiser" || role === "admin") return isAdmin(actor);
  return false;
}
