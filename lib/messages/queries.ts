import "server-only";
import { count, desc, eq, like } from "drizzle-orm";
import { outboxMessages } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import type { SmsTemplate } from "@/vocabulary/messages";

// The outbox holds phone numbers and live one-time codes: organisers and admins only.

export const OUTBOX_PAGE_SIZE = 30;

export interface OutboxRow {
  id: string;
  recipient: string;
  template: SmsTemplate;
  text: string;
  createdAt: Date;
}

/** A number to look for: its digits, whole (one number) or the first few (every number they begin). */
export const outboxPhone = (q: string | undefined): string | undefined => {
  const digits = q?.replace(/[\s-]/g, "");
  return digits && /^\d{3,11}$/.test(digits) ? digits : undefined;
};

/** The messages the outbox kept, newest first; those to one number, or numbers beginning so, when asked. */
export async function listOutbox(
  db: DbOrTx,
  actor: Actor | null,
  params: { page: number; phone?: string },
): Promise<Result<Page<OutboxRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const phone = outboxPhone(params.phone);
  const where = !phone
    ? undefined
    : phone.length === 11
      ? eq(outboxMessages.recipient, phone)
      : like(outboxMessages.recipient, `${phone}%`);
  const [{ total }] = await db.select({ total: count() }).from(outboxMessages).where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, OUTBOX_PAGE_SIZE);
  const rows = await db
    .select({
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      template: outboxMessages.template,
      text: outboxMessages.text,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}
