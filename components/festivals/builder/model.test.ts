import { describe, expect, it } from "vitest";
import { PX_PER_MIN, clockOf, minutesAtY } from "./model";

const DAY = 13 * 60; // 08:00–21:00

describe("minutesAtY: the start a click on the grid creates", () => {
  it("is the time of the line under the pointer, on the 5-minute grid", () => {
    expect(minutesAtY(60 * PX_PER_MIN, DAY)).toBe(60); // the 09:00 line of a grid from 08:00
    expect(minutesAtY(65 * PX_PER_MIN, DAY)).toBe(65); // 09:05
    expect(minutesAtY(60 * PX_PER_MIN - 0.5, DAY)).toBe(60); // half a pixel above the line
    expect(minutesAtY(60 * PX_PER_MIN + 3, DAY)).toBe(60);
    expect(minutesAtY(60 * PX_PER_MIN + 5, DAY)).toBe(65);
  });

  it("does not jump to the half hour in the middle of an hour's slot", () => {
    // The middle of the 09:00–10:00 slot is 09:30; 10 px below the line is 09:05, not 09:00 or 09:15.
    expect(minutesAtY(60 * PX_PER_MIN + 10, DAY)).toBe(65);
    expect(minutesAtY(80 * PX_PER_MIN, DAY)).toBe(80);
  });

  it("stays inside the day's grid", () => {
    expect(minutesAtY(-20, DAY)).toBe(0);
    expect(minutesAtY(DAY * PX_PER_MIN + 50, DAY)).toBe(DAY - 5);
  });

  it("reads as a clock time from the grid's first hour", () => {
    expect(clockOf(8, 65)).toBe("09:05");
    expect(clockOf(8, 0)).toBe("08:00");
    expect(clockOf(7, 775)).toBe("19:55");
  });
});
