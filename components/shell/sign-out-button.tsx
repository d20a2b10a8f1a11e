"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Signs out everywhere (the server ends every older session) and goes to the home page.
 * `band` sits in the red header of the dashboard and the 403 page; `page` in a page's body.
 */
export function SignOutButton({ tone = "page" }: { tone?: "band" | "page" }) {
  const t = useTranslations("nav");
  const [pending, setPending] = useState(false);
  const onClick = () => {
    setPending(true);
    void signOut({ callbackUrl: "/" });
  };
  if (tone === "band")
    return (
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        aria-busy={pending || undefined}
        className="inline-flex min-h-11 items-center rounded-lg border-2 border-white/70 px-3 text-base font-semibold text-white hover:bg-white/15 disabled:opacity-70"
      >
        {t("signOut")}
      </button>
    );
  return (
    <Button variant="danger" onClick={onClick} disabled={pending} aria-busy={pending || undefined}>
      {t("signOut")}
    </Button>
  );
}
