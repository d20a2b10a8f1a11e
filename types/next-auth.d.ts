import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: {
      id: string;
      name: string;
      roles: string[];
      verified: boolean;
      householdId: string | null;
      /** Signed in with a desk reset code: nothing but choosing a password until it is chosen. */
      mustChangePassword?: boolean;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    authAt?: number;
    mustChangePassword?: boolean;
  }
}
