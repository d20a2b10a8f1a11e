import { SCORE_KIND } from "@/lib/competitions/schemas";

/** How each game's result form is shaped: the service's own mapping (client-safe schemas). */
export const SCORE_KIND_OF = SCORE_KIND;
