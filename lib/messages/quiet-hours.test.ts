import { describe, expect, it } from "vitest";
import { parseQuietHours, sendTimeFor } from "./quiet-hours";

// Times are the community's (UTC+8): 21:00 there is 13:00 UTC.
const at = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it("reads the window, and off", () => {
    expect(parseQuietHours("21:00-08:00")).toEqual([21 * 60, 8 * 60]);
    expect(parseQuietHours("off")).toBeNull();
    expect(parseQuietHours("08:00-08:00")).toBeNull();
  });

  it("sends at once in the day", () => {
    const noon = at("2026-12-07T12:00:00+08:00");
    expect(sendTimeFor(noon, "21:00-08:00")).toEqual(noon);
    const justBefore = at("2026-12-07T20:59:59+08:00");
    expect(sendTimeFor(justBefore, "21:00-08:00")).toEqual(justBefore);
    const eight = at("2026-12-08T08:00:00+08:00");
    expect(sendTimeFor(eight, "21:00-08:00")).toEqual(eight);
  });

  it("holds a message of the evening or the night until eight the next morning", () => {
    expect(sendTimeFor(at("2026-12-07T21:00:00+08:00"), "21:00-08:00")).toEqual(at("2026-12-08T08:00:00+08:00"));
    expect(sendTimeFor(at("2026-12-07T23:30:10+08:00"), "21:00-08:00")).toEqual(at("2026-12-08T08:00:00+08:00"));
    expect(sendTimeFor(at("2026-12-08T03:15:00+08:00"), "21:00-08:00")).toEqual(at("2026-12-08T08:00:00+08:00"));
  });

  it("does not hold what happens before the morning", () => {
    const night = at("2026-12-07T22:00:00+08:00");
    expect(sendTimeFor(night, "21:00-08:00", at("2026-12-08T07:00:00+08:00"))).toEqual(night);
    expect(sendTimeFor(night, "21:00-08:00", at("2026-12-08T10:00:00+08:00"))).toEqual(at("2026-12-08T08:00:00+08:00"));
  });

  it("keeps a window inside one day too, and off sends always", () => {
    expect(sendTimeFor(at("2026-12-07T13:00:00+08:00"), "12:00-14:00")).toEqual(at("2026-12-07T14:00:00+08:00"));
    const night = at("2026-12-07T23:00:00+08:00");
    expect(sendTimeFor(night, "off")).toEqual(night);
  });
});
