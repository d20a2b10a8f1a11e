import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flattenMessages, valuesOf } from "@/tests/support/icu";
import zh from "./zh-CN.json";
import en from "./en.json";

const zhFlat = flattenMessages(zh);
const enFlat = flattenMessages(en);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("messages", () => {
  it("English has every key Chinese has, and no more", () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(zhFlat).sort());
  });

  it("no message is empty, and both languages take the same arguments and tags", () => {
    // Parsed as next-intl parses them, so the argument of a plural ("{count, plural, …}" in
    // English) matches a plain "{count}" in Chinese, and a mistyped brace fails here.
    for (const [key, value] of Object.entries(zhFlat)) {
      expect(value.trim(), key).not.toBe("");
      expect(enFlat[key].trim(), key).not.toBe("");
      expect(valuesOf(enFlat[key]), key).toEqual(valuesOf(value));
    }
  });

  it("every error code a service can return has a translation", () => {
    const result = fs.readFileSync("lib/result.ts", "utf8");
    const codes = [...result.matchAll(/\|\s*"(\w+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(zhFlat[`errors.${code}`], code).toBeTruthy();
  });

  it("every field error code in the schemas and services has a translation", () => {
    const files = [...sourceFiles("lib"), ...sourceFiles("components")];
    const codes = new Set<string>();
    for (const f of files) {
      const src = fs.readFileSync(f, "utf8");
      for (const m of src.matchAll(/error: "(\w+)"/g)) codes.add(m[1]);
      for (const m of src.matchAll(/\{\s*\w+:\s*\["(\w+)"\]\s*\}/g)) codes.add(m[1]);
      for (const m of src.matchAll(/errors: \["(\w+)"\]/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(zhFlat[`fieldErrors.${code}`], code).toBeTruthy();
  });

  it("pages and components hold no hard-coded Chinese text", () => {
    // Language names are shown in their own language; the CSV template's headers are data.
    const allowed = new Set([
      "components/shell/locale-switch.tsx",
      "app/[locale]/dashboard/households/import/template.csv/route.ts",
    ]);
    const offenders = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) => {
      if (allowed.has(f)) return false;
      // Strip comments; the seal characters on the home page and logo are artwork, marked aria-hidden.
      const src = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      const withoutArt = src.replace(/seal: "[^"]*"/g, "").replace(/>\s*邻\s*</g, "><");
      return /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(withoutArt);
    });
    expect(offenders).toEqual([]);
  });
});
