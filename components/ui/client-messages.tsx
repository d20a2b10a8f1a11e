import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Hands client components only the message namespaces they use: every message sent is also
 * carried in the page's payload, and published pages should stay small.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}

/** What the residents' pages' client components use. */
export const PUBLIC_NAMESPACES = ["common", "nav", "senior", "errors", "errorPage", "programme"];
/** Forms for accounts add these. */
export const ACCOUNT_NAMESPACES = [...PUBLIC_NAMESPACES, "fieldErrors", "auth", "me"];
