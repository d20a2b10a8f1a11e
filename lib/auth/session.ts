import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
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
  // A session opened by a desk reset code may do one thing: choose a new password.
  if (session.user.mustChangePassword) redirect(CHOOSE_PASSWORD_PATH);
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

/** Where a session opened by a desk reset code is sent until its owner has chosen a password. */
export const CHOOSE_PASSWORD_PATH = "/choose-password";

/** The session a desk reset code opened, for the page that chooses the new password; else null. */
export const getPasswordChangeSession = cache(
  async (): Promise<{ userId: string; mustChangePassword: boolean; name: string } | null> => {
    const session = await getServerSession(getAuthOptions());
    if (!session?.user?.id) return null;
    return {
      userId: session.user.id,
      name: session.user.name,
      mustChangePassword: !!session.user.mustChangePassword,
    };
  },
);
