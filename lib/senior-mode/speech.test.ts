import { describe, expect, it } from "vitest";
import { pickVoice, speechText } from "./speech";

const v = (lang: string, extra: { localService?: boolean; default?: boolean; name?: string } = {}) => ({
  lang,
  name: extra.name ?? lang,
  ...extra,
});

describe("pickVoice", () => {
  it("finds a mainland Chinese voice however the browser spells it", () => {
    for (const lang of ["zh-CN", "zh_CN", "zh-cn", "cmn-Hans-CN", "zh-Hans-CN", "cmn-CN"])
      expect(pickVoice([v("en-US"), v(lang)], "zh-CN")?.lang).toBe(lang);
  });

  it("offers no voice for Chinese where there are only Cantonese, Taiwanese or English ones", () => {
    expect(pickVoice([v("zh-HK"), v("zh-TW"), v("yue-HK"), v("en-GB")], "zh-CN")).toBeUndefined();
    expect(pickVoice([], "zh-CN")).toBeUndefined();
  });

  it("reads English with any English voice, and none when there is none", () => {
    expect(pickVoice([v("zh-CN"), v("en-GB")], "en")?.lang).toBe("en-GB");
    expect(pickVoice([v("zh-CN")], "en")).toBeUndefined();
  });

  it("prefers a voice on the device, then the default", () => {
    const voices = [
      v("zh-CN", { name: "cloud" }),
      v("zh-CN", { name: "default", default: true }),
      v("zh-CN", { name: "local", localService: true }),
    ];
    expect(pickVoice(voices, "zh-CN")?.name).toBe("local");
    expect(pickVoice(voices.slice(0, 2), "zh-CN")?.name).toBe("default");
  });
});

describe("speechText", () => {
  it("makes each part a sentence, in the language's punctuation, and drops empty parts", () => {
    expect(speechText(["开幕式", null, " ", "中心广场", "欢迎大家！"], "zh-CN")).toBe("开幕式。中心广场。欢迎大家！");
    expect(speechText(["Opening", undefined, "Main square.", "Welcome"], "en")).toBe("Opening. Main square. Welcome.");
  });
});
