import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name: string; roles: string[]; verified: boolean; householdId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    authAt?: number;
  }
}
