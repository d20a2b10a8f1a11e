import "server-only";
import { and, eq } from "drizzle-orm";
import { broadcasts } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { zonedToUtc } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { cancelJob, scheduleJob } from "@/lib/jobs/queue";
import { notify } from "@/lib/messages/notify";
import { fail, ok, type Result } from "@/lib/result";
import { isUuid } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { BROADCAST_SMS_MAX } from "@/vocabulary/messages";
import { audienceName, audienceUserIds, countTakingSms } from "./audience";
import { audienceSchema, broadcastSchema, type AudienceInput } from "./schemas";

// Organisers' messages to a group. The audience is counted when it is previewed and again when the
// message goes (people join and leave in between); each recipient gets a notification, and a text
// message when the organiser asked for one and the person takes broadcasts by SMS.

const broadcastKey = (id: string) => `broadcast:${id}`;
/** A time "later" must be at least this far ahead, and at most this far. */
const LATER_MIN_MS = 60_000;
const LATER_MAX_MS = 60 * 86_400_000;

/** What a text message carries of a broadcast: one line, cut to what a provider takes. */
export function smsExcerpt(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > BROADCAST_SMS_MAX ? `${line.slice(0, BROADCAST_SMS_MAX - 1)}…` : line;
}

export interface AudiencePreview {
  /** Accounts it reaches in the app. */
  people: number;
  /** Of them, those who also get a text message (when one is asked for). */
  textMessages: number;
}

/** How many a message to this audience reaches, and by which channel. */
export async function previewAudience(db: Db, actor: Actor | null, input: unknown): Promise<Result<AudiencePreview>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const parsed = parseInput(audienceSchema, input);
  if (!parsed.ok) return parsed;
  if ((await audienceName(db, parsed.data)) === null) return fail("invalid", { audience: ["audience_unknown"] });
  const ids = await audienceUserIds(db, parsed.data);
  return ok({ people: ids.length, textMessages: await countTakingSms(db, ids) });
}

/** Writes the broadcast and sends (or schedules) it; audited. */
export async function sendBroadcast(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; sendAt: Date; preview: AudiencePreview }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "messages.broadcast");
  const parsed = parseInput(broadcastSchema, input);
  if (!parsed.ok) return parsed;
  const b = parsed.data;
  let sendAt = now;
  if (b.when === "later") {
    sendAt = zonedToUtc(b.sendAt!, TIME_ZONE);
    const ahead = sendAt.getTime() - now.getTime();
    if (ahead < LATER_MIN_MS || ahead > LATER_MAX_MS) return fail("invalid", { sendAt: ["send_at_range"] });
  }
  const name = await audienceName(db, b.audience);
  if (name === null) return fail("invalid", { audience: ["audience_unknown"] });
  const ids = await audienceUserIds(db, b.audience);
  if (!ids.length) return fail("invalid", { audience: ["audience_empty"] });
  const preview = { people: ids.length, textMessages: b.sms ? await countTakingSms(db, ids) : 0 };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(broadcasts)
      .values({
        authorId: actor!.id,
        audience: b.audience,
        audienceLabel: name,
        body: b.body,
        sms: b.sms,
        status: "scheduled",
        sendAt,
      })
      .returning({ id: broadcasts.id });
    await scheduleJob(tx, "messages.broadcast", broadcastKey(row.id), { broadcastId: row.id }, sendAt);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "messages.broadcast",
      targetType: "broadcast",
      targetId: row.id,
      details: {
        audience: b.audience,
        sms: b.sms,
        sendAt: sendAt.toISOString(),
        people: preview.people,
        textMessages: preview.textMessages,
      },
    });
    return ok({ id: row.id, sendAt, preview });
  });
}

/** A broadcast not yet sent is called off; audited. */
export async function cancelBroadcast(db: Db, actor: Actor | null, id: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "messages.broadcast_cancel");
  if (!isUuid(id)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(broadcasts)
      .set({ status: "cancelled" })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.status, "scheduled")))
      .returning({ id: broadcasts.id });
    if (!row) return fail("not_found");
    await cancelJob(tx, broadcastKey(id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "messages.broadcast_cancel",
      targetType: "broadcast",
      targetId: id,
    });
    return ok(undefined);
  });
}

/** The broadcast's moment: everyone in the audience then is told, all in one transaction. */
export async function runBroadcast(db: Db, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const id = typeof data.broadcastId === "string" ? data.broadcastId : null;
  if (!id) return 0;
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, id)).for("update");
    if (!b || b.status !== "scheduled") return 0;
    const audience = audienceSchema.safeParse(b.audience);
    const ids = audience.success ? await audienceUserIds(tx, audience.data as AudienceInput) : [];
    let texts = 0;
    for (const userId of ids) {
      const { deliveryId } = await notify(
        tx,
        {
          userId,
          kind: "broadcast",
          data: { broadcastId: id, text: b.body },
          ...(b.sms
            ? {
                sms: {
                  topic: "broadcasts" as const,
                  template: "broadcast" as const,
                  params: { text: smsExcerpt(b.body) },
                },
              }
            : {}),
        },
        now,
      );
      if (deliveryId) texts++;
    }
    await tx
      .update(broadcasts)
      .set({ status: "sent", sentAt: now, recipients: ids.length, textMessages: texts })
      .where(eq(broadcasts.id, id));
    return ids.length;
  });
}
