import { isOrganiser, type Actor } from "@/lib/actor";

/** Festivals, venues and the programme are the organisers' to build. */
export const canManageFestivals = (actor: Actor | null) => isOrganiser(actor);
