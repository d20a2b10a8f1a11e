import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";

type Tree = { [k: string]: string | Tree };

/** `{ a: { b: "…" } }` → `{ "a.b": "…" }`, the keys the code passes to `t()`. */
export const flattenMessages = (t: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === "string" ? [[prefix + k, v]] : Object.entries(flattenMessages(v, `${prefix}${k}.`)),
    ),
  );

/** The message as next-intl reads it (tags such as `<b>` are rich-text elements). */
export const parseMessage = (message: string) => parse(message);

/** Every value a caller passes: argument names (also those of plurals and selects) and tag names. */
export function valuesOf(message: string): { args: string[]; tags: string[] } {
  const args = new Set<string>();
  const tags = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el)) args.add(el.value);
      else if (isPluralElement(el) || isSelectElement(el)) {
        args.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isTagElement(el)) {
        tags.add(el.value);
        walk(el.children);
      }
    }
  };
  walk(parseMessage(message));
  return { args: [...args].sort(), tags: [...tags].sort() };
}

// Words ending in "s" that follow a name or a title in a sentence and are not plural nouns:
// "{name} has a bye", "{a} wins", "{person} is in…", "When {name} withdraws…".
const NOT_PLURAL_NOUNS = new Set([
  "as",
  "is",
  "was",
  "has",
  "does",
  "its",
  "his",
  "this",
  "thus",
  "plus",
  "always",
  "less",
  "unless",
  "across",
  "wins",
  "withdraws",
  "sits",
  "gets",
  "goes",
  "says",
  "ends",
  "lasts",
  "starts",
  "opens",
  "closes",
  "comes",
  "leaves",
  "holds",
  "takes",
  "makes",
  "needs",
  "plays",
  "uses",
  "reads",
  "joins",
  "moves",
  "lives",
  "sees",
  "wants",
  "asks",
  "knows",
  "thanks",
]);
// Words that stand between a count and its noun: "{count} unread messages", "{new} new households".
const COUNT_MODIFIERS = new Set([
  "new",
  "unread",
  "more",
  "other",
  "open",
  "free",
  "spare",
  "extra",
  "empty",
  "remaining",
  "waiting",
  "pending",
  "verified",
  "confirmed",
  "registered",
  "unused",
  "used",
  "valid",
  "invalid",
  "duplicate",
  "further",
  "selected",
]);
// English plurals without the final "s".
const IRREGULAR_PLURALS = new Set(["people", "children", "men", "women", "persons"]);

/** Whether a word reads as a plural noun: "households", "votes", "place(s)", "people". */
function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (w.endsWith("(s)") || IRREGULAR_PLURALS.has(w)) return true;
  return /^[a-z]{2,}s$/.test(w) && !/(ss|us|is)$/.test(w) && !NOT_PLURAL_NOUNS.has(w);
}

type Token = { kind: "text"; text: string } | { kind: "number"; name: string } | { kind: "other" };

/**
 * Where a number stands before a plural noun with no plural form around it, as in
 * "{count} households" (which reads "1 households"), "{count} place(s)" or, inside a plural's
 * `one` case, "# households". A noun *before* a number is a label or an ordinal ("Round 2",
 * "Page 1 of 3", "Entrants: 5"), which English does not inflect, and a unit abbreviation such as
 * "min" or an invariable word such as "yuan" is not plural: neither is reported. A plural with
 * no `one` case reads its `other` case for 1 too, so that case must not count a plural noun.
 */
export function countsWithoutPlural(message: string): string[] {
  const found: string[] = [];

  // A sequence is one run of text as the reader sees it: tags are transparent ("<b>{n}</b> points"),
  // each case of a plural or a select is a sequence of its own.
  const sequence = (elements: MessageFormatElement[], inOneCase: boolean) => {
    const tokens: Token[] = [];
    const flatten = (els: MessageFormatElement[]) => {
      for (const el of els) {
        if (isLiteralElement(el)) tokens.push({ kind: "text", text: el.value });
        else if (isArgumentElement(el) || isNumberElement(el)) tokens.push({ kind: "number", name: `{${el.value}}` });
        else if (isPoundElement(el)) tokens.push(inOneCase ? { kind: "number", name: "#" } : { kind: "other" });
        else if (isTagElement(el)) flatten(el.children);
        else if (isPluralElement(el)) {
          const hasOne = "one" in el.options || "=1" in el.options;
          for (const [name, option] of Object.entries(el.options)) {
            sequence(option.value, name === "one" || name === "=1" || (name === "other" && !hasOne));
          }
          tokens.push({ kind: "other" });
        } else if (isSelectElement(el)) {
          for (const option of Object.values(el.options)) sequence(option.value, false);
          tokens.push({ kind: "other" });
        } else tokens.push({ kind: "other" });
      }
    };
    flatten(elements);
    tokens.forEach((token, i) => {
      const next = tokens[i + 1];
      if (token.kind !== "number" || next?.kind !== "text") return;
      const [, first, second] = /^\s+([A-Za-z]+(?:\(s\))?)(?:\s+([A-Za-z]+(?:\(s\))?))?/.exec(next.text) ?? [];
      if (first && isPluralNoun(first)) found.push(`${token.name} ${first}`);
      else if (second && COUNT_MODIFIERS.has(first.toLowerCase()) && isPluralNoun(second))
        found.push(`${token.name} ${first} ${second}`);
    });
  };

  sequence(parseMessage(message), false);
  return found;
}
