// How people are named where others see them. Children under 14 are shown by first name and an
// age band only (PIPL art. 28): on the public programme and competition pages, on the screen and
// in print, to other residents, and to organisers.

/** Children under 14 are shown by first name and age only (PIPL art. 28). */
export const CHILD_AGE = 14;

// Two-character surnames common enough to matter; anything else is one character.
const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "令狐",
  "端木",
  "西门",
  "南宫",
];
const HAN = /^\p{Script=Han}+$/u;

/**
 * A child's first name: the given name of a Chinese name ("王小明" → "小明"), the first word of a
 * name written with spaces ("Lily Wang" → "Lily"). A two-character pet name ("小明") stays whole.
 */
export function firstName(fullName: string): string {
  const name = fullName.trim();
  const words = name.split(/\s+/);
  if (words.length > 1) return words[0];
  if (!HAN.test(name) || name.length < 2) return name;
  if (name.length === 2 && name.startsWith("小")) return name;
  const surname = name.length >= 3 && COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? 2 : 1;
  return name.slice(surname);
}

/** A child's age as a band, never the exact age: "6–9 岁". */
export function childAgeBand(age: number): string {
  if (age < 6) return "0–5 岁";
  if (age < 10) return "6–9 岁";
  return "10–13 岁";
}

/**
 * A participant's name for anyone but their own household: in full, or a child's first name and
 * age band ("小明 (6–9 岁)"). Every public page gets its names through here.
 */
export function publicName(name: string, age: number | null | undefined): string {
  if (age === null || age === undefined || age >= CHILD_AGE) return name;
  return `${firstName(name)} (${childAgeBand(age)})`;
}
