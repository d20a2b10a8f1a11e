import { z } from "zod";
import "@/lib/zod-codes";

// Client-safe: the sign-in form (zodResolver) and the credentials check parse the same schema.
// Messages are error codes; the UI translates them under "fieldErrors".

/** A mainland mobile number; spaces, dashes and a +86 prefix are forgiven. */
export const phoneSchema = z
  .string({ error: "required" })
  .transform((s) => s.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" }));

export const signInSchema = z.object({
  phone: phoneSchema,
  password: z.string().min(1, { error: "required" }).max(64, { error: "password_too_long" }),
});
