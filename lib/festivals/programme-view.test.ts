import { describe, expect, it } from "vitest";
import type { PublishedItem } from "@/db/schema";
import { itemsOfDay, nowAndNext } from "./programme-view";

const item = (id: string, start: string, end: string, extra: Partial<PublishedItem> = {}): PublishedItem => ({
  id,
  venueId: "hall",
  kind: "ceremony",
  title: id,
  description: null,
  startsAt: start,
  endsAt: end,
  parentId: null,
  position: 0,
  people: [],
  ...extra,
});

const items = [
  item("late-night", "2027-01-16T15:30:00Z", "2027-01-16T16:30:00Z"), // 23:30 on the 16th in Hefei
  item("block", "2027-01-16T01:30:00Z", "2027-01-16T03:30:00Z", { kind: "performance_block" }),
  item("act-b", "2027-01-16T01:45:00Z", "2027-01-16T02:00:00Z", { parentId: "block", position: 1 }),
  item("act-a", "2027-01-16T01:30:00Z", "2027-01-16T01:45:00Z", { parentId: "block", position: 0 }),
  item("opening", "2027-01-16T01:00:00Z", "2027-01-16T01:30:00Z"),
  item("day2", "2027-01-17T01:00:00Z", "2027-01-17T02:00:00Z", { kind: "sport_event" }),
];

describe("programme view", () => {
  it("groups by the festival's local day and nests acts in running order", () => {
    const day1 = itemsOfDay(items, "2027-01-16", "Asia/Shanghai");
    expect(day1.map((i) => i.id)).toEqual(["opening", "block", "late-night"]);
    expect(day1[1].acts.map((a) => a.id)).toEqual(["act-a", "act-b"]);
    expect(itemsOfDay(items, "2027-01-17", "Asia/Shanghai", "sport_event").map((i) => i.id)).toEqual(["day2"]);
    expect(itemsOfDay(items, "2027-01-17", "Asia/Shanghai", "ceremony")).toEqual([]);
  });
  it("knows what is on now and what comes next", () => {
    const r = nowAndNext(items, new Date("2027-01-16T01:40:00Z"), "Asia/Shanghai");
    expect(r.current.map((i) => i.id)).toEqual(["block"]);
    expect(r.next.map((i) => i.id)).toEqual(["late-night"]);
  });
});
