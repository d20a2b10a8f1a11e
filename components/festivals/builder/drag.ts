import type { ItemDto } from "@/lib/festivals/programme-service";
import { SNAP_MIN, addMinutes, minutesBetween, snap, PX_PER_MIN } from "./model";

// The pointer drag of the programme builder as pure steps, so that every way a drag can end
// (released, cancelled by the browser, capture lost, Escape) is one rule that can be tested.

export type DragMode = "move" | "resize";

export interface Drag {
  id: string;
  mode: DragMode;
  /** Where the pointer went down, in pixels from the top of the grid's content (not the screen). */
  startY: number;
  orig: ItemDto;
  moved: boolean;
  /** The day's grid, which a dragged item stays inside (a drag that scrolls would otherwise run on into the night). */
  bounds?: { from: string; to: string };
}

export type DragEvent =
  | { type: "down"; item: ItemDto; mode: DragMode; y: number; bounds?: { from: string; to: string } }
  /** `y` in the grid's content, so a scrolled grid moves the item with it; `venueId` is the column under the pointer, if any. */
  | { type: "move"; y: number; venueId: string | null }
  | { type: "up" }
  | { type: "cancel" };

export interface DragStep {
  drag: Drag | null;
  /** The item as it should be shown now. */
  item?: ItemDto;
  /** What the builder does next: open the item (a click without a move) or save where it was dropped. */
  then?: "open" | "save";
}

/** Pixels the pointer travels before a press becomes a drag rather than a click. */
export const DRAG_THRESHOLD = 4;

export function dragStep(drag: Drag | null, event: DragEvent): DragStep {
  switch (event.type) {
    case "down":
      return {
        drag: {
          id: event.item.id,
          mode: event.mode,
          startY: event.y,
          orig: event.item,
          moved: false,
          bounds: event.bounds,
        },
      };
    case "move": {
      if (!drag) return { drag: null };
      const venueId = drag.mode === "move" && event.venueId ? event.venueId : drag.orig.venueId;
      if (!drag.moved && Math.abs(event.y - drag.startY) < DRAG_THRESHOLD && venueId === drag.orig.venueId)
        return { drag };
      let dy = snap((event.y - drag.startY) / PX_PER_MIN);
      const o = drag.orig;
      const length = minutesBetween(o.startsAt, o.endsAt);
      if (drag.bounds) {
        // The end moves by dy either way, the start only when moving; an item already outside stays where it is.
        dy = Math.min(dy, Math.max(0, minutesBetween(o.endsAt, drag.bounds.to)));
        if (drag.mode === "move") dy = Math.max(dy, Math.min(0, -minutesBetween(drag.bounds.from, o.startsAt)));
      }
      const item =
        drag.mode === "move"
          ? { ...o, venueId, startsAt: addMinutes(o.startsAt, dy), endsAt: addMinutes(o.startsAt, dy + length) }
          : { ...o, endsAt: addMinutes(o.startsAt, Math.max(SNAP_MIN, length + dy)) };
      return { drag: { ...drag, moved: true }, item };
    }
    case "up":
      if (!drag) return { drag: null };
      return { drag: null, then: drag.moved ? "save" : "open" };
    case "cancel":
      // Put the item back where it was when the pointer went down; nothing is saved.
      if (!drag) return { drag: null };
      return drag.moved ? { drag: null, item: drag.orig } : { drag: null };
  }
}

/** Pixels from the visible edge of the grid within which a drag scrolls it. */
export const EDGE_ZONE = 48;
/** The most a drag scrolls the grid in one frame, with the pointer at (or past) the edge. */
export const EDGE_MAX_SPEED = 24;

/**
 * How far to scroll this frame while dragging with the pointer at `y` (screen pixels) over a
 * grid visible from `top` to `bottom`: nothing outside the edge zones, more the nearer the edge,
 * negative upwards.
 */
export function edgeScrollSpeed(y: number, top: number, bottom: number) {
  const zone = Math.min(EDGE_ZONE, (bottom - top) / 3);
  if (zone <= 0) return 0;
  const speed = (depth: number) => Math.max(2, Math.round(EDGE_MAX_SPEED * Math.min(1, depth / zone)));
  if (y > bottom - zone) return speed(y - (bottom - zone));
  if (y < top + zone) return -speed(top + zone - y);
  return 0;
}
