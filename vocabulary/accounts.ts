// Client-safe: the accounts vocabulary, shared by the tables, the schemas and the forms.

export const ROLES = ["resident", "volunteer", "organiser", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** How a resident's address was checked: with the household code, or by an organiser in person. */
export const VERIFICATION_METHODS = ["code", "organiser"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A household link beyond the code's cap waits for an organiser, who approves or refuses it. */
export const HOUSEHOLD_REQUEST_STATUSES = ["waiting", "approved", "refused"] as const;
export type HouseholdRequestStatus = (typeof HOUSEHOLD_REQUEST_STATUSES)[number];

/** The roles granted and taken away on the residents page; every account is a resident. */
export const GRANTABLE_ROLES = ["volunteer", "organiser", "admin"] as const satisfies readonly Role[];

/** How a household member without an account is related to the householder. */
export const MEMBER_RELATIONS = [
  "self",
  "spouse",
  "parent",
  "child",
  "grandparent",
  "grandchild",
  "sibling",
  "other",
] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
