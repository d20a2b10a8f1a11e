import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { multilineText, text } from "./form-fields";
import { parseInput } from "./validation";
import { signUpSchema, updateProfileSchema } from "./accounts/schemas";
import { nominationSchema } from "./stars/schemas";
import { ownWishSchema } from "./wishes/schemas";
import { rewardSchema } from "./points/schemas";

const controls = ["\u0000", "\u0007", "\b", "\u000b", "\f", "\u001b", "\u007f", "\u0080", "\u0085", "\u009f"];
const codes = (r: ReturnType<typeof parseInput>, field: string) => (r.ok ? [] : (r.fieldErrors?.[field] ?? []));

describe("text typed into the forms", () => {
  it.each(controls)("refuses the control character %j, in one line or several", (c) => {
    expect(text().safeParse(`王${c}芳`).error?.issues[0].message).toBe("control_chars");
    expect(multilineText().safeParse(`第一行\n王${c}芳`).error?.issues[0].message).toBe("control_chars");
  });

  it("keeps line breaks and tabs only where a box has several lines", () => {
    for (const c of ["\n", "\r", "\r\n", "\t"]) {
      expect(text().safeParse(`王${c}芳`).error?.issues[0].message).toBe("control_chars");
      expect(multilineText().safeParse(`王${c}芳`).data).toBe(`王${c}芳`);
    }
    // Trimmed first: a line break at either end is no line break inside.
    expect(text().safeParse("  王芳\n").data).toBe("王芳");
    expect(text().safeParse("Zoë · 李 ✓").data).toBe("Zoë · 李 ✓");
  });

  it("answers with a code both languages put in words", () => {
    expect(en.fieldErrors.control_chars).toBeTruthy();
    expect(zh.fieldErrors.control_chars).toBeTruthy();
  });

  it("holds in the forms' own schemas, beside their other rules", () => {
    const signUp = parseInput(signUpSchema, {
      name: "王\u0000芳",
      phone: "13812345678",
      password: "a long and fine phrase",
    });
    expect(signUp).toMatchObject({ ok: false, code: "invalid" });
    expect(codes(signUp, "name")).toContain("control_chars");
    expect(codes(parseInput(updateProfileSchema, { name: "王芳\u001b[2J" }), "name")).toContain("control_chars");
    expect(codes(parseInput(rewardSchema, { name: "毛\r巾", cost: 10 }), "name")).toContain("control_chars");
    const story = { festivalSlug: "2027", nominee: { kind: "named", name: "李阿姨", building: "3栋" } };
    expect(parseInput(nominationSchema, { ...story, categoryId: crypto.randomUUID(), story: "热心\r\n助人" }).ok).toBe(
      true,
    );
    expect(
      codes(
        parseInput(nominationSchema, { ...story, categoryId: crypto.randomUUID(), story: "热心\u0085助人" }),
        "story",
      ),
    ).toContain("control_chars");
    const wish = { title: "一台收音机", story: "想听戏", category: "daily", value: 50, alias: "王奶奶" };
    expect(codes(parseInput(ownWishSchema, { ...wish, title: "收音机\u0000" }), "title")).toContain("control_chars");
  });
});
