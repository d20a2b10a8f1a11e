import "server-only";
import { count, desc } from "drizzle-orm";
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

/** The messages the outbox kept, newest first. */
export async function listOutbox(
  db: DbOrTx,
  actor: Actor | null,
  params: { page: number },
): Promise<Result<Page<OutboxRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [{ total }] = await db.select({ total: count() }).from(outboxMessages);
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
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}
