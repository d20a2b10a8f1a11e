import { sql } from "drizzle-orm";
import { getHandle } from "@/db";

export const dynamic = "force-dynamic";

/** 200 with the database kind when the database answers; 503 otherwise. */
export async function GET() {
  try {
    const { db, kind } = await getHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
