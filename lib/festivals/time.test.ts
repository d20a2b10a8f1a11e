import { describe, expect, it } from "vitest";
import { splitPeople } from "./people";
import { festivalBounds, festivalDays, utcToZonedLocal, zonedToUtc } from "./time";

describe("festival time", () => {
  it("reads wall-clock times in the festival's zone", () => {
    expect(zonedToUtc("2027-01-16T09:30", "Asia/Shanghai").toISOString()).toBe("2027-01-16T01:30:00.000Z");
    expect(utcToZonedLocal(new Date("2027-01-16T01:30:00Z"), "Asia/Shanghai")).toBe("2027-01-16T09:30");
  });
  it("handles zones with daylight saving on both sides of the change", () => {
    expect(zonedToUtc("2027-07-01T12:00", "Europe/London").toISOString()).toBe("2027-07-01T11:00:00.000Z");
    expect(zonedToUtc("2027-01-01T12:00", "Europe/London").toISOString()).toBe("2027-01-01T12:00:00.000Z");
    for (const local of ["2027-03-28T00:30", "2027-10-31T03:00", "2027-06-15T23:55"]) {
      expect(utcToZonedLocal(zonedToUtc(local, "Europe/London"), "Europe/London")).toBe(local);
    }
  });
  it("gives a festival's days and bounds", () => {
    const f = { startsOn: "2027-01-16", endsOn: "2027-01-17", timeZone: "Asia/Shanghai" };
    expect(festivalDays(f)).toEqual(["2027-01-16", "2027-01-17"]);
    expect(festivalBounds(f)).toEqual({
      startsAt: new Date("2027-01-15T16:00:00Z"),
      endsAt: new Date("2027-01-17T16:00:00Z"),
    });
  });
});

describe("people typed in the builder", () => {
  it("are split on lines and commas of either width", () => {
    expect(splitPeople("王秀英\n刘洋，周建国、 Li Wei, ,")).toEqual(["王秀英", "刘洋", "周建国", "Li Wei"]);
  });
});
