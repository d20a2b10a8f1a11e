"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { pickVoice, speechText } from "@/lib/senior-mode/speech";

/**
 * "Read aloud": the browser's own voice reads the parts (title, then the main text) in the page's
 * language. Whether the browser has such a voice is known only after the page is shown (voices
 * load late), so the button holds its place from the first paint, invisible, and shows itself if
 * there is one: nothing moves. A second tap stops it, and so does leaving the page.
 */
export function ReadAloud({
  parts,
  className = "",
}: {
  parts: readonly (string | null | undefined)[];
  className?: string;
}) {
  const t = useTranslations("senior");
  const locale = useLocale();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>();
  const [speaking, setSpeaking] = useState(false);
  const utterance = useRef<SpeechSynthesisUtterance | null>(null);

  useEffect(() => {
    if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    const find = () => setVoice(pickVoice(synth.getVoices(), locale));
    find();
    synth.addEventListener("voiceschanged", find);
    // Leaving the page (a link, the back button, closing the tab) ends the reading, and so does
    // this button going away on a move inside the site.
    const stop = () => synth.cancel();
    window.addEventListener("pagehide", stop);
    return () => {
      synth.removeEventListener("voiceschanged", find);
      window.removeEventListener("pagehide", stop);
      if (utterance.current) synth.cancel();
    };
  }, [locale]);

  const toggle = () => {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      return;
    }
    // Only one reading at a time: another button's reading stops (and its button says so).
    synth.cancel();
    const u = new SpeechSynthesisUtterance(speechText(parts, locale));
    u.lang = locale;
    if (voice) u.voice = voice;
    // A little slower than the voice's usual pace, for older ears.
    u.rate = 0.9;
    const done = () => {
      if (utterance.current === u) utterance.current = null;
      setSpeaking(false);
    };
    u.onend = done;
    u.onerror = done;
    utterance.current = u;
    setSpeaking(true);
    synth.speak(u);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-xl border-2 border-red-brand bg-white px-[16px] text-lg font-semibold text-red-deep hover:bg-red-soft ${voice ? "" : "invisible"} ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0" fill="currentColor">
        {speaking ? (
          <rect x="6" y="6" width="12" height="12" rx="1.5" />
        ) : (
          <path
            d="M4 9h4l5-4v14l-5-4H4zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        )}
      </svg>
      {speaking ? t("stopReading") : t("readAloud")}
    </button>
  );
}
