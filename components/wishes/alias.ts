import { getTranslations } from "next-intl/server";

/** "Grandma Wang or Grandpa Wang" from a resident's name: the family name is the first character of a Chinese name, the last word of a Latin one. */
export async function aliasSuggestion(name: string): Promise<string> {
  const t = await getTranslations("wishes.form");
  const trimmed = name.trim();
  const surname = /^[\u3400-\u9fff]/.test(trimmed) ? trimmed.slice(0, 1) : (trimmed.split(/\s+/).pop() ?? trimmed);
  return t("aliasSuggestion", { surname });
}
