import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import type { Actor } from "@/lib/actor";
import { getAuthOptions } from "./options";
import { clientIp } from "./request-ip";

/**
 * The person behind this request, checked against the database (disabled accounts and tokens
 * from before a sign-out are refused). Once per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  // The session callback has already checked the account against the database.
  const u = session.user;
  return {
    id: u.id,
    name: u.name,
    roles: u.roles as Actor["roles"],
    verified: u.verified,
    householdId: u.householdId,
    ip: clientIp(await headers()),
  };
});
