"use client";

import { useRef } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { publicPath } from "@/lib/i18n/public-path";
import { setSeniorModeAction } from "@/lib/senior-mode/actions";
import { SENIOR_CLASS, seniorModeCookie } from "@/lib/senior-mode/config";

/**
 * Senior mode on or off, beside the language switch. Every reader gets the same HTML (published
 * pages are cached whole), so both states are in it and the class on <html> shows the one that
 * holds: a toggle button that is pressed, or one that is not. A tap sets the cookie and the class
 * at once and keeps focus on the switch; a tap before the page has hydrated posts the form, which
 * sets the cookie and comes back to the same page. Without JavaScript the head script cannot set
 * the class, so the switch, which could change nothing, is not shown.
 */
export function SeniorSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = useTranslations("senior");
  const pathname = usePathname();
  const onButton = useRef<HTMLButtonElement>(null);
  const offButton = useRef<HTMLButtonElement>(null);
  const base = "min-h-11 min-w-11 items-center gap-1 rounded-lg px-[12px] text-base font-semibold whitespace-nowrap";
  const idle =
    tone === "light"
      ? "text-white underline underline-offset-4 hover:bg-white/15"
      : "text-red-deep underline underline-offset-4 hover:bg-red-soft";
  const pressed = tone === "light" ? "bg-white text-red-deep" : "bg-red-brand text-white";
  return (
    <form
      action={setSeniorModeAction}
      className="flex items-center noscript:hidden"
      onSubmit={(e) => {
        const value = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        if (value !== "on" && value !== "off") return;
        e.preventDefault();
        const on = value === "on";
        document.cookie = seniorModeCookie(on);
        document.documentElement.classList.toggle(SENIOR_CLASS, on);
        // The tapped button is hidden now: focus (and a screen reader's attention) moves to the
        // other, which says the new state.
        (on ? offButton : onButton).current?.focus();
      }}
    >
      <input type="hidden" name="returnTo" value={publicPath(pathname)} />
      <button
        ref={onButton}
        type="submit"
        name="senior"
        value="on"
        aria-pressed="false"
        className={`inline-flex senior:hidden ${base} ${idle}`}
      >
        {t("switch")}
      </button>
      <button
        ref={offButton}
        type="submit"
        name="senior"
        value="off"
        aria-pressed="true"
        className={`hidden senior:inline-flex ${base} ${pressed}`}
      >
        <span aria-hidden="true">✓</span>
        {t("switch")}
      </button>
    </form>
  );
}
