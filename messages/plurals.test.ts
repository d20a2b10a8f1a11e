import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { countsWithoutPlural, flattenMessages, valuesOf } from "@/tests/support/icu";
import en from "./en.json";
import zh from "./zh-CN.json";

const enFlat = flattenMessages(en);
const zhFlat = flattenMessages(zh);

describe("English plurals", () => {
  it("the rule finds a number before a plural noun, and leaves names, labels and units alone", () => {
    expect(countsWithoutPlural("{count} households")).toEqual(["{count} households"]);
    expect(countsWithoutPlural("Up to {max} characters, such as: a radio")).toEqual(["{max} characters"]);
    expect(countsWithoutPlural("Balance: <b>{balance}</b> points")).toEqual(["{balance} points"]);
    expect(countsWithoutPlural("for the {places} place(s) left")).toEqual(["{places} place(s)"]);
    expect(countsWithoutPlural("{count, plural, one {# households} other {# households}}")).toEqual(["# households"]);
    expect(countsWithoutPlural("{count, plural, other {# households}}")).toEqual(["# households"]);
    expect(countsWithoutPlural("{count} unread messages · {new} new households")).toEqual([
      "{count} unread messages",
      "{new} new households",
    ]);
    expect(countsWithoutPlural("{n, select, a {{m} votes} other {none}}")).toEqual(["{m} votes"]);

    expect(countsWithoutPlural("{name} signed up")).toEqual([]);
    expect(countsWithoutPlural("{name} has a bye this round")).toEqual([]);
    expect(countsWithoutPlural("When {name} withdraws, {a} wins")).toEqual([]);
    expect(countsWithoutPlural("Round {round} · Page {page} of {count} · Entrants: {count}")).toEqual([]);
    expect(countsWithoutPlural("Acts {acts} min · {value} yuan · {count} in all")).toEqual([]);
    expect(countsWithoutPlural("{count, plural, one {# household} other {# households}}")).toEqual([]);
    expect(countsWithoutPlural("{count, plural, other {Game by game (best of #)}}")).toEqual([]);
    expect(countsWithoutPlural("{name} got the points · {title} moved to {venue} · {ip} or more ballots")).toEqual([]);
  });

  it("every English message that counts something has a plural form", () => {
    const offenders = Object.entries(enFlat).flatMap(([key, message]) =>
      countsWithoutPlural(message).map((where) => `${key}: ${where}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reads 1 household and 2 households", () => {
    const t = createTranslator({ locale: "en", messages: en });
    expect(t("households.count", { count: 1 })).toBe("1 household");
    expect(t("households.count", { count: 2 })).toBe("2 households");
    expect(t("slips.buildingOption", { building: "Building 3", count: 1 })).toBe("Building 3 (1 household)");
    expect(t("nav.unreadCount", { count: 1 })).toBe("1 unread message");
    expect(t("nav.unreadCount", { count: 12 })).toBe("12 unread messages");
    expect(t("starsAdmin.publish.votes", { votes: 1 })).toBe("1 vote");
    expect(t("starsAdmin.publish.votes", { votes: 1500 })).toBe("1,500 votes");
    expect(t("wishes.progressSummary", { fulfilled: 1, total: 1 })).toBe("1 of 1 wish came true");
    expect(t("wishes.progressSummary", { fulfilled: 1, total: 3 })).toBe("1 of 3 wishes came true");
    expect(t("register.minutesHint", { max: 1 })).toBe("At most 1 minute.");
    expect(t("points.delta", { sign: "+", points: 1 })).toBe("+1 point");
    expect(t.rich("pointsAdmin.desk.balance", { balance: 2, b: (chunks) => `[${chunks}]` })).toBe(
      "Balance: [2] points",
    );
    expect(t.rich("pointsAdmin.desk.balance", { balance: 1, b: (chunks) => `[${chunks}]` })).toBe("Balance: [1] point");
  });

  it("Chinese reads the same arguments without plural forms", () => {
    const t = createTranslator({ locale: "zh-CN", messages: zh });
    expect(t("households.count", { count: 1 })).toBe("共 1 户");
    expect(t("slips.buildingOption", { building: "3 栋", count: 2 })).toBe("3 栋（2 户）");
    expect(t("wishes.progressSummary", { fulfilled: 1, total: 3 })).toBe("共 3 个心愿，已圆梦 1 个");
  });

  it("every message formats in both languages with numbers for its arguments", () => {
    for (const [locale, flat] of [
      ["en", enFlat],
      ["zh-CN", zhFlat],
    ] as const) {
      for (const [key, message] of Object.entries(flat)) {
        const { args, tags } = valuesOf(message);
        for (const n of [0, 1, 2]) {
          const values: Record<string, number | ((chunks: string[]) => string)> = Object.fromEntries(
            args.map((a) => [a, n]),
          );
          for (const tag of tags) values[tag] = (chunks) => chunks.join("");
          const text = new IntlMessageFormat(message, locale).format(values);
          expect(typeof text === "string" ? text : JSON.stringify(text), `${locale} ${key}`).not.toMatch(/[{}]/);
        }
      }
    }
  });
});
