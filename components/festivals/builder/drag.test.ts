import { describe, expect, it } from "vitest";
import type { ItemDto } from "@/lib/festivals/programme-service";
import { PX_PER_MIN } from "./model";
import { EDGE_MAX_SPEED, EDGE_ZONE, dragStep, edgeScrollSpeed, type Drag } from "./drag";

const item = {
  id: "a",
  venueId: "square",
  startsAt: "2027-10-16T01:00:00.000Z", // 09:00 in Shanghai
  endsAt: "2027-10-16T01:30:00.000Z",
  title: "开幕式",
  version: 3,
} as unknown as ItemDto;

const down = (mode: Drag["mode"] = "move") => dragStep(null, { type: "down", item, mode, y: 100 }).drag;

describe("dragStep", () => {
  it("moves by whole 5-minute steps from where the pointer went down, in the grid's content", () => {
    const step = dragStep(down(), { type: "move", y: 100 + 60 * PX_PER_MIN + 2, venueId: "hall" });
    expect(step.item).toMatchObject({
      venueId: "hall",
      startsAt: "2027-10-16T02:00:00.000Z",
      endsAt: "2027-10-16T02:30:00.000Z",
    });
    expect(dragStep(step.drag, { type: "up" }).then).toBe("save");
  });

  it("treats a press without a move as a click that opens the item", () => {
    const d = down();
    const step = dragStep(d, { type: "move", y: 102, venueId: "square" });
    expect(step.item).toBeUndefined();
    expect(dragStep(step.drag, { type: "up" })).toEqual({ drag: null, then: "open" });
  });

  it("resizes by the lower edge, never below five minutes", () => {
    expect(dragStep(down("resize"), { type: "move", y: 100 + 30 * PX_PER_MIN, venueId: "hall" }).item).toMatchObject({
      venueId: "square",
      endsAt: "2027-10-16T02:00:00.000Z",
    });
    expect(dragStep(down("resize"), { type: "move", y: 0, venueId: null }).item).toMatchObject({
      endsAt: "2027-10-16T01:05:00.000Z",
    });
  });

  it("a cancelled pointer puts the item back, saves nothing and leaves no drag armed", () => {
    const moved = dragStep(down(), { type: "move", y: 100 + 45 * PX_PER_MIN, venueId: "hall" });
    const cancelled = dragStep(moved.drag, { type: "cancel" });
    expect(cancelled).toEqual({ drag: null, item });
    // A later move (the pointer hovering on) and release change nothing.
    expect(dragStep(cancelled.drag, { type: "move", y: 400, venueId: "hall" })).toEqual({ drag: null });
    expect(dragStep(cancelled.drag, { type: "up" })).toEqual({ drag: null });
  });
});

describe("edgeScrollSpeed", () => {
  const top = 100;
  const bottom = 900;
  it("is nothing away from the edges", () => {
    expect(edgeScrollSpeed(500, top, bottom)).toBe(0);
    expect(edgeScrollSpeed(top + EDGE_ZONE + 1, top, bottom)).toBe(0);
    expect(edgeScrollSpeed(bottom - EDGE_ZONE - 1, top, bottom)).toBe(0);
  });
  it("grows towards the edge, downwards at the bottom and upwards at the top", () => {
    const near = edgeScrollSpeed(bottom - EDGE_ZONE + 8, top, bottom);
    const nearer = edgeScrollSpeed(bottom - 4, top, bottom);
    expect(near).toBeGreaterThan(0);
    expect(nearer).toBeGreaterThan(near);
    expect(edgeScrollSpeed(bottom + 30, top, bottom)).toBe(EDGE_MAX_SPEED);
    expect(edgeScrollSpeed(top + 4, top, bottom)).toBeLessThan(edgeScrollSpeed(top + EDGE_ZONE - 8, top, bottom));
    expect(edgeScrollSpeed(top - 10, top, bottom)).toBe(-EDGE_MAX_SPEED);
  });
});

describe("dragStep inside the day's grid", () => {
  const bounds = { from: "2027-10-16T00:00:00.000Z", to: "2027-10-16T13:00:00.000Z" }; // 08:00–21:00
  it("stops a moved item at the grid's first and last line", () => {
    const d = dragStep(null, { type: "down", item, mode: "move", y: 100, bounds }).drag;
    expect(dragStep(d, { type: "move", y: 100 + 2000 * PX_PER_MIN, venueId: null }).item).toMatchObject({
      startsAt: "2027-10-16T12:30:00.000Z",
      endsAt: "2027-10-16T13:00:00.000Z",
    });
    expect(dragStep(d, { type: "move", y: 100 - 500 * PX_PER_MIN, venueId: null }).item).toMatchObject({
      startsAt: "2027-10-16T00:00:00.000Z",
    });
  });
  it("stops a resized item's end at the grid's last line", () => {
    const d = dragStep(null, { type: "down", item, mode: "resize", y: 100, bounds }).drag;
    expect(dragStep(d, { type: "move", y: 100 + 2000 * PX_PER_MIN, venueId: null }).item).toMatchObject({
      startsAt: item.startsAt,
      endsAt: "2027-10-16T13:00:00.000Z",
    });
  });
});
