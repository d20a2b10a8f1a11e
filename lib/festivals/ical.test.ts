import { describe, expect, it } from "vitest";
import { parseICalendar, toICalendar } from "./ical";

describe("iCalendar", () => {
  it("writes events that read back the same, with long Chinese lines folded safely", () => {
    const description = "社区党总支书记致辞，全体居民合影；请提前 10 分钟到场。".repeat(4);
    const text = toICalendar("第十五届美湖邻里节", [
      {
        uid: "a@linli",
        title: "开幕式, 合影",
        startsAt: new Date("2027-01-16T01:00:00Z"),
        endsAt: new Date("2027-01-16T01:30:00Z"),
        location: "社区广场",
        description,
      },
      {
        uid: "b@linli",
        title: "象棋比赛",
        startsAt: new Date("2027-01-16T01:30:00Z"),
        endsAt: new Date("2027-01-16T04:00:00Z"),
      },
    ]);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const events = parseICalendar(text);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      UID: "a@linli",
      SUMMARY: "开幕式, 合影",
      DTSTART: "20270116T010000Z",
      DTEND: "20270116T013000Z",
      LOCATION: "社区广场",
      DESCRIPTION: description,
    });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
