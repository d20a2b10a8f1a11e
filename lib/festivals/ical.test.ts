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

  it("escapes every line break, a lone CR too, so no text can start a line of its own", () => {
    const text = toICalendar("节\r目", [
      {
        uid: "c@linli",
        title: "合唱\rDTSTART:19700101T000000Z",
        startsAt: new Date("2027-01-16T01:00:00Z"),
        endsAt: new Date("2027-01-16T01:30:00Z"),
        location: "广场\nURL:https://evil.example",
        description: "第一行\r\n第二行\u0007\u0000",
      },
    ]);
    // Line breaks only as CR LF between lines, never a bare CR or LF.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n").filter((l) => l.startsWith("DTSTART:"))).toEqual(["DTSTART:20270116T010000Z"]);
    expect(text).not.toMatch(/^URL:/m);
    const [event] = parseICalendar(text);
    expect(event.SUMMARY).toBe("合唱\nDTSTART:19700101T000000Z");
    expect(event.LOCATION).toBe("广场\nURL:https://evil.example");
    expect(event.DESCRIPTION).toBe("第一行\n第二行");
  });
});
