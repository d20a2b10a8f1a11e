import type { Actor } from "@/lib/actor";
import { fail } from "@/lib/result";

/**
 * Where the festival asks for it (the default), only an account with a verified household
 * registers: accounts made up in bulk cannot fill the places of the real residents.
 */
export function verifiedHouseholdRefusal(actor: Actor, festival: { needsHousehold: boolean }) {
  return festival.needsHousehold && !actor.verified ? fail("household_unverified") : null;
}
