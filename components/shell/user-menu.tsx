"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

interface SessionUser {
  name: string;
  roles: string[];
}

/**
 * The signed-in part of the header. It asks for the session after load, so the pages around
 * it carry no session and can be cached for everyone.
 */
export function UserMenu() {
  const t = useTranslations("nav");
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s) => {
        if (!live) return;
        // A session opened by a desk reset code may only choose a password; cached pages, which
        // never read the session on the server, send it there from here.
        if (s?.user?.mustChangePassword && window.location.pathname !== "/choose-password") {
          window.location.replace("/choose-password");
          return;
        }
        setUser(s?.user ?? null);
        if (s?.user)
          fetch("/api/me/unread", { cache: "no-store" })
            .then((r) => (r.ok ? r.json() : { count: 0 }))
            .then((u) => live && setUnread(u.count ?? 0))
            .catch(() => {});
      })
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, []);
  const link = "inline-flex min-h-11 items-center rounded-lg px-3 text-lg font-semibold text-white hover:bg-white/15";
  if (user === undefined) return <span className="inline-block min-h-11 w-24" aria-hidden="true" />;
  if (!user)
    return (
      <>
        <Link href="/sign-in" className={link}>
          {t("signIn")}
        </Link>
        <Link href="/sign-up" className={`${link} bg-gold-soft text-red-deep! hover:bg-white!`}>
          {t("signUp")}
        </Link>
      </>
    );
  const staff = user.roles.includes("organiser") || user.roles.includes("admin");
  return (
    <>
      {staff && (
        <Link href="/dashboard" className={link}>
          {t("dashboard")}
        </Link>
      )}
      <Link href="/me" className={`${link} gap-2 bg-gold-soft text-red-deep! hover:bg-white!`}>
        {t("me")} · {user.name}
        {unread > 0 && (
          <span className="rounded-full bg-red-brand px-2 text-base text-white">
            {unread}
            <span className="sr-only">{t("unreadCount", { count: unread })}</span>
          </span>
        )}
      </Link>
    </>
  );
}
