/** A household's address as the desk says it: building, unit, room. */
export const addressText = (a: { building?: string | null; unit?: string | null; room?: string | null }) =>
  [a.building, a.unit, a.room].filter(Boolean).join(" ");
