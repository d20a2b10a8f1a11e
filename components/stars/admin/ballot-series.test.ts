import { describe, expect, it } from "vitest";
import { ballotSeries } from "./ballot-series";

const at = (iso: string) => new Date(iso);

describe("ballotSeries", () => {
  it("is empty without ballots", () => {
    expect(ballotSeries([], "Asia/Shanghai")).toEqual({ unit: "hour", points: [], total: 0, peak: null });
  });

  it("fills the quiet hours between ballots with zeros, hour by hour", () => {
    const s = ballotSeries(
      [
        { hour: at("2027-01-10T03:00:00Z"), ballots: 4 },
        { hour: at("2027-01-10T01:00:00Z"), ballots: 2 },
      ],
      "Asia/Shanghai",
    );
    expect(s.unit).toBe("hour");
    expect(s.points.map((p) => [p.start.toISOString(), p.ballots])).toEqual([
      ["2027-01-10T01:00:00.000Z", 2],
      ["2027-01-10T02:00:00.000Z", 0],
      ["2027-01-10T03:00:00.000Z", 4],
    ]);
    expect(s.total).toBe(6);
    expect(s.peak?.ballots).toBe(4);
  });

  it("turns a longer stretch into days of the festival's time zone", () => {
    // 23:00 UTC on the 1st is already the 2nd in Hefei.
    const s = ballotSeries(
      [
        { hour: at("2021-10-01T01:00:00Z"), ballots: 3 },
        { hour: at("2021-10-01T23:00:00Z"), ballots: 5 },
        { hour: at("2021-10-05T02:00:00Z"), ballots: 1 },
      ],
      "Asia/Shanghai",
    );
    expect(s.unit).toBe("day");
    expect(s.points.map((p) => [p.start.toISOString(), p.ballots])).toEqual([
      ["2021-09-30T16:00:00.000Z", 3],
      ["2021-10-01T16:00:00.000Z", 5],
      ["2021-10-02T16:00:00.000Z", 0],
      ["2021-10-03T16:00:00.000Z", 0],
      ["2021-10-04T16:00:00.000Z", 1],
    ]);
    expect(s.total).toBe(9);
    expect(s.peak?.start.toISOString()).toBe("2021-10-01T16:00:00.000Z");
  });
});
