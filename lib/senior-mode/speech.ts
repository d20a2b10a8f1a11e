// Client-safe and pure: which voice reads a page, and what it reads.

/** The part of a voice the choice looks at (a browser's SpeechSynthesisVoice has more). */
export interface VoiceLike {
  lang: string;
  localService?: boolean;
  default?: boolean;
}

/** "zh_CN", "cmn-Hans-CN" and "zh-cn" name the same language: lower case, hyphens, no script. */
function tags(lang: string): { language: string; region: string | undefined } {
  const parts = lang.replace(/_/g, "-").toLowerCase().split("-");
  const language = parts[0] === "cmn" ? "zh" : parts[0];
  const rest = parts.slice(1);
  const script = rest.find((p) => p.length === 4);
  const region = rest.find((p) => p.length === 2 || /^\d{3}$/.test(p)) ?? (script === "hans" ? "cn" : undefined);
  return { language, region };
}

/**
 * A voice that speaks the page's language: for Chinese only a mainland (Mandarin, simplified)
 * voice, never Cantonese or Taiwanese ones; for English any. A voice on the device is preferred
 * to one in the cloud (it works offline and starts at once), then the browser's default.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], locale: string): V | undefined {
  const want = tags(locale);
  const fits = voices.filter((v) => {
    const got = tags(v.lang);
    if (got.language !== want.language) return false;
    return want.language === "zh" ? got.region === "cn" : true;
  });
  const score = (v: V) =>
    (tags(v.lang).region === want.region ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
  return [...fits].sort((a, b) => score(b) - score(a))[0];
}

const SENTENCE_END = /[。！？!?.…：:；;]$/;

/** The parts (title, facts, story) as one text, each ending as a sentence so the voice pauses. */
export function speechText(parts: readonly (string | null | undefined)[], locale: string): string {
  const stop = locale.startsWith("zh") ? "。" : ".";
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .map((p) => (SENTENCE_END.test(p) ? p : `${p}${stop}`))
    .join(locale.startsWith("zh") ? "" : " ");
}
