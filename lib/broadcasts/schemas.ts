import { z } from "zod";
import { multilineText, text } from "@/lib/form-fields";
import { REGISTRATION_ROLES } from "@/vocabulary/registrations";
import { BROADCAST_MAX } from "@/vocabulary/messages";

// Client-safe: the broadcast form and the service read the same rules.

const uuid = z.uuid({ error: "invalid" });

/** Whom it goes to: each kind with what it needs. */
export const audienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("role"), festivalId: uuid, role: z.enum(REGISTRATION_ROLES, { error: "invalid" }) }),
    z.object({ kind: z.literal("item"), itemId: uuid }),
    z.object({ kind: z.literal("shift"), shiftId: uuid }),
    z.object({
      kind: z.literal("building"),
      building: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
    }),
    z.object({ kind: z.literal("volunteers") }),
  ],
  { error: "invalid" },
);
export type AudienceInput = z.infer<typeof audienceSchema>;

/** "2026-12-08T09:30" in the community's time, or nothing for now. */
const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "datetime_invalid" });

export const broadcastSchema = z
  .object({
    audience: audienceSchema,
    body: multilineText().min(2, { error: "too_short" }).max(BROADCAST_MAX, { error: "too_long" }),
    sms: z.boolean({ error: "invalid" }),
    when: z.enum(["now", "later"], { error: "invalid" }),
    sendAt: z.union([localDateTime, z.literal("")]).optional(),
  })
  .refine((b) => b.when === "now" || !!b.sendAt, { error: "required", path: ["sendAt"] });
export type BroadcastInput = z.infer<typeof broadcastSchema>;
