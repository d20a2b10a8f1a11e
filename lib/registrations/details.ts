import type { RegistrationData } from "./schemas";

/** What the form asked beyond who, which role and which item: kept as the registration's details. */
export const detailsOf = (data: RegistrationData): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).filter(
      ([k]) => !["festivalSlug", "participant", "role", "itemId", "teamAction", "team"].includes(k),
    ),
  );
