import { z } from "zod";
import { text, wholeNumber } from "@/lib/form-fields";
import "@/lib/zod-codes";
import { MEMBER_RELATIONS } from "@/vocabulary/accounts";

// Client-safe: the household member forms (the desk's and the one on /me), parsed again by the
// service. Error codes land under "fieldErrors".

/** The earliest year of birth a form takes (the table allows from 1900). */
export const MIN_BIRTH_YEAR = 1900;

/** Nobody is born in the future; the service checks with its own clock. */
export const birthYearSchema = wholeNumber(MIN_BIRTH_YEAR, 2100);

export const memberFieldsSchema = z.object({
  name: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
  birthYear: birthYearSchema,
  relation: z.enum(MEMBER_RELATIONS, { error: "relation_required" }),
});

export const addMemberSchema = memberFieldsSchema.extend({ householdId: z.uuid({ error: "invalid" }) });
export const editMemberSchema = memberFieldsSchema.extend({ id: z.uuid({ error: "invalid" }) });
export const removeMemberSchema = z.object({ id: z.uuid({ error: "invalid" }) });

export type MemberFieldsInput = z.input<typeof memberFieldsSchema>;

/** A member's age this year, as the registration forms and the public-name rule use it. */
export const ageFromBirthYear = (birthYear: number, now = new Date()) => Math.max(0, now.getFullYear() - birthYear);
