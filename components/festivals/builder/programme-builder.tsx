"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { findConflicts, type Conflict } from "@/lib/festivals/conflicts";
import { festivalBounds, festivalDays } from "@/lib/festivals/time";
import { createItemAction, deleteItemAction, publishProgrammeAction, reorderActsAction } from "@/lib/festivals/actions";
import { updateProgrammeItemAction as updateItemAction } from "@/lib/registrations/review-actions";
import type { MatchSlotDto } from "@/lib/competitions/schedule-service";
import type { BuilderData } from "@/lib/festivals/dashboard-queries";
import type { ItemDto } from "@/lib/festivals/programme-service";
import { Button } from "@/components/ui/button";
import { ItemDialog, draftOf, inputOf, type DialogDraft } from "./item-dialog";
import { PublishBar } from "./publish-bar";
import {
  PX_PER_MIN,
  SNAP_MIN,
  addMinutes,
  clockOf,
  instantOf,
  localDay,
  localTime,
  minutesAtY,
  minutesBetween,
  snap,
  toSchedule,
  updateInput,
} from "./model";
import { dragStep, edgeScrollSpeed, type Drag, type DragStep } from "./drag";

type Failure = {
  ok: false;
  code: string;
  fieldErrors?: Record<string, string[] | undefined>;
  current?: ItemDto | null;
  clashes?: { title: string }[];
};
type DialogState = {
  mode: "new" | "edit";
  itemId?: string;
  initial: DialogDraft;
  fieldErrors?: Failure["fieldErrors"];
  message?: { tone: "error" | "info"; text: string };
  stale?: ItemDto | null;
};
/** A refused change, shown beside the item until the next action or a few seconds. */
type Refusal = { id: string; text: string };
const REFUSAL_MS = 8000;

/**
 * The organisers' time × venue grid for one day. Items move by dragging (or arrow keys), their
 * length by the lower edge (or Shift+arrows); each change is saved at once with the item's
 * version, and conflicts are recomputed on every change.
 */
/**
 * `matches` are the competitions' timed matches (who plays when), checked against the items for
 * clashes; the page reads them beside the programme.
 */
export function ProgrammeBuilder({ data, matches }: { data: BuilderData; matches: MatchSlotDto[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const { festival, venues } = data;
  const tz = festival.timeZone;
  const days = festivalDays(festival);
  const [day, setDay] = useState(days[0]);
  const [items, setItems] = useState<ItemDto[]>(data.items);
  // The latest items for event handlers and queued saves; every change goes through `commit`.
  const itemsRef = useRef(data.items);
  const commit = (next: ItemDto[]) => {
    itemsRef.current = next;
    setItems(next);
  };
  const saved = useRef(new Map(data.items.map((i) => [i.id, i])));
  const queue = useRef(new Map<string, Promise<void>>());
  const [announcement, setAnnouncement] = useState("");
  const [published, setPublished] = useState({ at: data.lastPublishedAt, dirty: data.unpublishedChanges });
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<Drag | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => {
    if (!refusal) return;
    const timer = window.setTimeout(() => setRefusal(null), REFUSAL_MS);
    return () => window.clearTimeout(timer);
  }, [refusal]);
  // Where a click on empty grid would start a new item, following the pointer.
  const [hint, setHint] = useState<{ venueId: string; minutes: number } | null>(null);
  const region = useRef<HTMLDivElement | null>(null);
  const columns = useRef<(HTMLDivElement | null)[]>([]);
  const itemButtons = useRef(new Map<string, HTMLButtonElement>());
  // After a save, a close or a jump from the conflicts panel, focus lands on the item itself.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current || dialog) return;
    itemButtons.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const top = items.filter((i) => !i.parentId);
  const ofDay = top.filter((i) => localDay(i.startsAt, tz) === day);
  const hours = useMemo(() => {
    let from = 8;
    let to = 21;
    for (const i of ofDay) {
      from = Math.min(from, Number(localTime(i.startsAt, tz).slice(0, 2)));
      const end = localTime(i.endsAt, tz);
      to = Math.max(to, Math.min(24, Number(end.slice(0, 2)) + (end.endsWith(":00") ? 0 : 1)));
    }
    return { from, to };
  }, [ofDay, tz]);
  const dayStart = instantOf(day, `${String(hours.from).padStart(2, "0")}:00`, tz);
  const totalMinutes = (hours.to - hours.from) * 60;
  const height = totalMinutes * PX_PER_MIN;

  // Competitions' timed matches stay where their schedule put them; a person playing one while
  // named in an item being moved there is a clash like any other.
  const conflicts = useMemo(
    () =>
      findConflicts(
        [
          ...items.map(toSchedule),
          ...matches.map((m) => ({
            id: m.id,
            venueId: null,
            startsAt: new Date(m.startsAt),
            endsAt: new Date(m.endsAt),
            people: m.people,
            parentId: null,
            partOf: m.itemId,
          })),
        ],
        festivalBounds(festival),
      ),
    [items, matches, festival],
  );
  const flagged = useMemo(() => {
    const s = new Set<string>();
    for (const c of conflicts) for (const id of "itemIds" in c ? c.itemIds : [c.itemId]) s.add(id);
    return s;
  }, [conflicts]);
  const titleOf = (id: string) => {
    const match = matches.find((m) => m.id === id);
    if (match)
      return t("builder.matchTitle", {
        title: items.find((i) => i.id === match.itemId)?.title ?? "",
        round: match.round,
      });
    return items.find((i) => i.id === id)?.title ?? "";
  };
  const venueName = (id: string | null) => venues.find((v) => v.id === id)?.name ?? t("builder.noVenue");

  const replace = (next: ItemDto) => commit(itemsRef.current.map((x) => (x.id === next.id ? next : x)));
  const failureText = (r: Failure) =>
    r.code === "venue_taken"
      ? t("builder.venueTaken", { titles: (r.clashes ?? []).map((c) => c.title).join(", ") })
      : r.code === "stale_version"
        ? t("builder.stale")
        : t.has(`errors.${r.code}`)
          ? t(`errors.${r.code}`)
          : t("errors.unknown");
  /** What the organiser reads beside an item whose move or resize was refused: where it was going and why. */
  const refusalText = (r: Failure, tried: ItemDto) =>
    r.code === "venue_taken"
      ? t("builder.refusedVenue", {
          venue: venueName(tried.venueId),
          start: localTime(tried.startsAt, tz),
          end: localTime(tried.endsAt, tz),
          titles: new Intl.ListFormat(locale).format((r.clashes ?? []).map((c) => c.title)),
        })
      : r.code === "stale_version"
        ? t("builder.staleMoved")
        : t("builder.refused", { reason: failureText(r) });

  /** Saves the item as it stands now, one save at a time per item, so versions follow each other. */
  const persist = (id: string, describe: (i: ItemDto) => string) => {
    const run = async () => {
      const current = itemsRef.current.find((i) => i.id === id);
      if (!current) return;
      const result = (await updateItemAction(updateInput(current))) as { ok: true; data: { item: ItemDto } } | Failure;
      if (result.ok) {
        saved.current.set(id, result.data.item);
        const latest = itemsRef.current.find((i) => i.id === id);
        // Keep moves made while this save was on its way; take the new version.
        replace(
          latest &&
            (latest.startsAt !== current.startsAt ||
              latest.endsAt !== current.endsAt ||
              latest.venueId !== current.venueId)
            ? { ...latest, version: result.data.item.version }
            : result.data.item,
        );
        setPublished((p) => ({ ...p, dirty: true }));
        setAnnouncement(describe(result.data.item));
      } else {
        const back = result.code === "stale_version" && result.current ? result.current : saved.current.get(id);
        if (back) {
          saved.current.set(id, back);
          replace(back);
        }
        setAnnouncement(failureText(result));
        setRefusal({ id, text: refusalText(result, current) });
      }
    };
    const next = (queue.current.get(id) ?? Promise.resolve()).then(run, run);
    queue.current.set(id, next);
    return next;
  };

  const movedText = (i: ItemDto) =>
    t("builder.moved", { title: i.title, venue: venueName(i.venueId), start: localTime(i.startsAt, tz) });
  const resizedText = (i: ItemDto) => t("builder.resized", { title: i.title, end: localTime(i.endsAt, tz) });

  // ——— pointer: move and resize ———
  // The grid scrolls inside its box (and the page around it); pointer positions are taken from
  // the top of the grid's content, so a scroll during a drag moves the item with the pointer.
  const gridY = (clientY: number) => clientY - (columns.current[0]?.getBoundingClientRect().top ?? 0);
  const venueAt = (clientX: number) => {
    const col = columns.current.findIndex((c) => {
      const r = c?.getBoundingClientRect();
      return r && clientX >= r.left && clientX <= r.right;
    });
    return col >= 0 ? venues[col].id : null;
  };
  const show = (step: DragStep) => {
    drag.current = step.drag;
    if (!step.item) return;
    const version = itemsRef.current.find((i) => i.id === step.item!.id)?.version ?? step.item.version;
    replace({ ...step.item, version });
  };
  const pointer = useRef({ x: 0, y: 0 });
  const scrollFrame = useRef<number | null>(null);
  const stopDrag = useRef<(() => void) | null>(null);
  useEffect(() => () => stopDrag.current?.(), []);

  /** One frame of scrolling while an item is dragged near the top or bottom of what is visible of the grid. */
  const autoScroll = () => {
    scrollFrame.current = null;
    const box = region.current;
    if (!drag.current?.moved || !box) return;
    const r = box.getBoundingClientRect();
    const speed = edgeScrollSpeed(pointer.current.y, Math.max(r.top, 0), Math.min(r.bottom, window.innerHeight));
    if (!speed) return;
    // Where the box runs off the screen, the page scrolls first to show more of it.
    const pageFirst = speed > 0 ? r.bottom > window.innerHeight : r.top < 0;
    const scrollBox = () => {
      const before = box.scrollTop;
      box.scrollTop += speed;
      return box.scrollTop !== before;
    };
    const scrollPage = () => {
      const before = window.scrollY;
      window.scrollBy(0, speed);
      return window.scrollY !== before;
    };
    if (!(pageFirst ? scrollPage() || scrollBox() : scrollBox() || scrollPage())) return;
    show(dragStep(drag.current, { type: "move", y: gridY(pointer.current.y), venueId: venueAt(pointer.current.x) }));
    scrollFrame.current = requestAnimationFrame(autoScroll);
  };

  const onPointerDown = (e: React.PointerEvent, item: ItemDto, mode: Drag["mode"]) => {
    if (e.button !== 0 || drag.current) return;
    e.stopPropagation();
    setRefusal(null);
    setHint(null);
    const el = e.currentTarget as Element;
    const pointerId = e.pointerId;
    el.setPointerCapture(pointerId);
    pointer.current = { x: e.clientX, y: e.clientY };
    show(
      dragStep(null, {
        type: "down",
        item,
        mode,
        y: gridY(e.clientY),
        bounds: { from: dayStart, to: addMinutes(dayStart, totalMinutes) },
      }),
    );

    // Listened for on the window: the item's element is replaced when it changes column, which
    // drops the capture, and the pointer may be let go anywhere.
    const move = (ev: PointerEvent) => {
      if (ev.pointerId !== pointerId) return;
      pointer.current = { x: ev.clientX, y: ev.clientY };
      show(dragStep(drag.current, { type: "move", y: gridY(ev.clientY), venueId: venueAt(ev.clientX) }));
      if (scrollFrame.current === null) scrollFrame.current = requestAnimationFrame(autoScroll);
    };
    const up = (ev: PointerEvent) => ev.pointerId === pointerId && finish("up");
    const cancel = (ev: PointerEvent) => ev.pointerId === pointerId && finish("cancel");
    // Capture lost while the element is still there (another element or the browser took the pointer).
    const lost = (ev: PointerEvent) => ev.pointerId === pointerId && el.isConnected && finish("cancel");
    const key = (ev: KeyboardEvent) => {
      if (ev.key !== "Escape") return;
      ev.preventDefault();
      finish("cancel");
    };
    const finish = (how: "up" | "cancel") => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
      window.removeEventListener("keydown", key, true);
      el.removeEventListener("lostpointercapture", lost as EventListener);
      if (scrollFrame.current !== null) cancelAnimationFrame(scrollFrame.current);
      scrollFrame.current = null;
      stopDrag.current = null;
      const d = drag.current;
      const step = dragStep(d, { type: how });
      show(step);
      if (!d) return;
      if (step.then === "open") openEdit(d.id);
      else if (step.then === "save") void persist(d.id, d.mode === "move" ? movedText : resizedText);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    window.addEventListener("keydown", key, true);
    el.addEventListener("lostpointercapture", lost as EventListener);
    stopDrag.current = () => finish("cancel");
  };

  // ——— keyboard: the same moves ———
  const keyTimers = useRef(new Map<string, number>());
  const onKeyDown = (e: React.KeyboardEvent, item: ItemDto) => {
    const venueIndex = venues.findIndex((v) => v.id === item.venueId);
    let next: ItemDto | null = null;
    const step = SNAP_MIN;
    if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      const by = e.key === "ArrowUp" ? -step : step;
      next = e.shiftKey
        ? minutesBetween(item.startsAt, addMinutes(item.endsAt, by)) >= SNAP_MIN
          ? { ...item, endsAt: addMinutes(item.endsAt, by) }
          : null
        : { ...item, startsAt: addMinutes(item.startsAt, by), endsAt: addMinutes(item.endsAt, by) };
    } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const to = venueIndex + (e.key === "ArrowLeft" ? -1 : 1);
      if (to >= 0 && to < venues.length) next = { ...item, venueId: venues[to].id };
    }
    if (!next) return;
    e.preventDefault();
    setRefusal(null);
    replace(next);
    const describe = e.shiftKey ? resizedText : movedText;
    window.clearTimeout(keyTimers.current.get(item.id));
    // Several presses in a row make one save.
    keyTimers.current.set(
      item.id,
      window.setTimeout(() => void persist(item.id, describe), 450),
    );
  };

  // ——— the dialog ———
  const openEdit = (id: string) => {
    const item = itemsRef.current.find((i) => i.id === id);
    setRefusal(null);
    if (item) setDialog({ mode: "edit", itemId: id, initial: draftOf(item, tz) });
  };
  const openNew = (venueId: string, minutesFromTop: number) => {
    const start = addMinutes(dayStart, snap(minutesFromTop));
    setRefusal(null);
    setHint(null);
    setDialog({
      mode: "new",
      initial: {
        title: "",
        kind: "single_act",
        venueId,
        day,
        start: localTime(start, tz),
        end: localTime(addMinutes(start, 60), tz),
        description: "",
        capacity: "",
        people: "",
      },
    });
  };
  const closeDialog = () => {
    const id = dialog?.itemId;
    setDialog(null);
    if (id) focusNext.current = id;
  };

  const save = async (draft: DialogDraft, overrideVersion?: number) => {
    if (!dialog) return;
    setBusy(true);
    const fields = inputOf(draft, tz);
    const existing = dialog.itemId ? itemsRef.current.find((i) => i.id === dialog.itemId) : undefined;
    const result = (
      existing
        ? await updateItemAction({
            ...fields,
            id: existing.id,
            version: overrideVersion ?? existing.version,
            parentId: existing.parentId,
          })
        : await createItemAction({ ...fields, festivalSlug: festival.slug })
    ) as { ok: true; data: { item: ItemDto } } | Failure;
    setBusy(false);
    if (result.ok) {
      const item = result.data.item;
      saved.current.set(item.id, item);
      commit(existing ? itemsRef.current.map((x) => (x.id === item.id ? item : x)) : [...itemsRef.current, item]);
      if (existing && existing.startsAt !== item.startsAt && existing.kind === "performance_block") {
        // The acts moved with their block, as the service moved them.
        const shift = minutesBetween(existing.startsAt, item.startsAt);
        commit(
          itemsRef.current.map((x) =>
            x.parentId === item.id
              ? {
                  ...x,
                  startsAt: addMinutes(x.startsAt, shift),
                  endsAt: addMinutes(x.endsAt, shift),
                  venueId: item.venueId,
                  version: x.version + 1,
                }
              : x,
          ),
        );
      }
      setPublished((p) => ({ ...p, dirty: true }));
      setAnnouncement(t("builder.saved"));
      if (localDay(item.startsAt, tz) !== day && days.includes(localDay(item.startsAt, tz)))
        setDay(localDay(item.startsAt, tz));
      setDialog(null);
      focusNext.current = item.id;
    } else if (result.code === "stale_version") {
      setDialog({
        ...dialog,
        initial: draft,
        stale: result.current ?? null,
        fieldErrors: undefined,
        message: undefined,
      });
      if (result.current) {
        saved.current.set(result.current.id, result.current);
        replace(result.current);
      }
    } else {
      setDialog({
        ...dialog,
        initial: draft,
        fieldErrors: result.fieldErrors,
        message: result.fieldErrors ? undefined : { tone: "error", text: failureText(result) },
        stale: undefined,
      });
    }
  };

  const remove = async () => {
    const item = dialog?.itemId ? itemsRef.current.find((i) => i.id === dialog.itemId) : undefined;
    if (!item || !window.confirm(t("builder.delete"))) return;
    setBusy(true);
    const result = (await deleteItemAction({ id: item.id, version: item.version })) as { ok: true } | Failure;
    setBusy(false);
    if (result.ok) {
      commit(itemsRef.current.filter((x) => x.id !== item.id && x.parentId !== item.id));
      setPublished((p) => ({ ...p, dirty: true }));
      setDialog(null);
    } else
      setDialog((d) => d && { ...d, message: { tone: "error", text: failureText(result) }, stale: result.current });
  };

  const actsOf = (id?: string) =>
    id ? items.filter((i) => i.parentId === id).sort((a, b) => a.position - b.position) : [];
  const reorder = async (order: string[]) => {
    const block = items.find((i) => i.id === dialog?.itemId);
    if (!block) return;
    setBusy(true);
    const result = (await reorderActsAction({ blockId: block.id, version: block.version, order })) as
      { ok: true; data: { version: number } } | Failure;
    setBusy(false);
    if (!result.ok) return setDialog((d) => d && { ...d, message: { tone: "error", text: failureText(result) } });
    let cursor = block.startsAt;
    const acts = order.map((id, position) => {
      const a = items.find((x) => x.id === id)!;
      const length = minutesBetween(a.startsAt, a.endsAt);
      const next = { ...a, position, startsAt: cursor, endsAt: addMinutes(cursor, length), version: a.version + 1 };
      cursor = next.endsAt;
      return next;
    });
    commit(
      itemsRef.current.map(
        (x) => acts.find((a) => a.id === x.id) ?? (x.id === block.id ? { ...x, version: result.data.version } : x),
      ),
    );
    setPublished((p) => ({ ...p, dirty: true }));
  };
  const addAct = async (title: string, minutes: number, performers: string) => {
    const block = items.find((i) => i.id === dialog?.itemId);
    if (!block) return;
    setBusy(true);
    const result = (await createItemAction({
      festivalSlug: festival.slug,
      title,
      kind: "single_act",
      venueId: block.venueId,
      parentId: block.id,
      startsAt: block.startsAt,
      endsAt: addMinutes(block.startsAt, Math.max(SNAP_MIN, snap(minutes))),
      people: performers ? [performers] : [],
    })) as { ok: true; data: { item: ItemDto } } | Failure;
    setBusy(false);
    if (result.ok) {
      commit([...itemsRef.current, result.data.item]);
      setPublished((p) => ({ ...p, dirty: true }));
    } else setDialog((d) => d && { ...d, message: { tone: "error", text: failureText(result) } });
  };

  const publish = async () => {
    setBusy(true);
    const result = await publishProgrammeAction(festival.slug);
    setBusy(false);
    if (result.ok) {
      setPublished({ at: result.data.publishedAt, dirty: false });
      setAnnouncement(t(festival.status === "draft" ? "builder.publishedNotPublic" : "builder.published"));
    } else setAnnouncement(failureText(result as Failure));
  };

  const jumpTo = (id: string) => {
    const item = items.find((i) => i.id === (matches.find((m) => m.id === id)?.itemId ?? id));
    if (!item) return;
    const target = item.parentId ? (items.find((i) => i.id === item.parentId) ?? item) : item;
    setDay(localDay(target.startsAt, tz));
    focusNext.current = target.id;
  };

  const conflictText = (c: Conflict) => {
    switch (c.kind) {
      case "venue_overlap":
        return t("builder.conflict.venue_overlap", {
          a: titleOf(c.itemIds[0]),
          b: titleOf(c.itemIds[1]),
          venue: venueName(c.venueId),
        });
      case "person_overlap":
        return t("builder.conflict.person_overlap", {
          person: c.person,
          a: titleOf(c.itemIds[0]),
          b: titleOf(c.itemIds[1]),
        });
      case "outside_festival":
        return t("builder.conflict.outside_festival", { a: titleOf(c.itemId) });
      case "longer_than_block":
        return t("builder.conflict.longer_than_block", {
          a: titleOf(c.itemId),
          acts: c.actsMinutes,
          block: c.blockMinutes,
        });
    }
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(undefined, {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(iso));

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <PublishBar
        slug={festival.slug}
        festivalStatus={festival.status}
        publishedAt={published.at ? when(published.at) : null}
        dirty={published.dirty}
        busy={busy}
        onPublish={publish}
      />

      <nav aria-label={t("builder.day")}>
        <ul className="flex flex-wrap gap-2">
          {days.map((d) => (
            <li key={d}>
              <Button
                variant={d === day ? "primary" : "secondary"}
                size="sm"
                aria-current={d === day ? "date" : undefined}
                onClick={() => setDay(d)}
              >
                {d}
              </Button>
            </li>
          ))}
        </ul>
      </nav>

      <div className="flex flex-col gap-4 xl:flex-row">
        <div
          ref={region}
          className="max-h-[calc(100dvh-1rem)] min-w-0 flex-1 overflow-auto overscroll-contain rounded-xl border border-line bg-white"
          role="region"
          aria-label={t("builder.title", { title: festival.title })}
          tabIndex={0}
        >
          {venues.length === 0 ? (
            <p className="p-4 text-lg">{t("builder.noVenues")}</p>
          ) : (
            <div
              className="grid min-w-max"
              style={{ gridTemplateColumns: `4rem repeat(${venues.length}, minmax(9rem, 1fr))` }}
            >
              <div className="sticky top-0 z-20 border-b-2 border-line bg-gold-soft" />
              {venues.map((v) => (
                <div
                  key={v.id}
                  className="sticky top-0 z-20 border-b-2 border-l border-line bg-gold-soft px-2 py-2 text-base font-bold"
                >
                  {v.name}
                </div>
              ))}
              <div className="relative" style={{ height }} aria-hidden="true">
                {Array.from({ length: hours.to - hours.from }, (_, h) => (
                  <span
                    key={h}
                    className="absolute right-2 text-sm text-muted tabular-nums"
                    style={{ top: Math.max(0, h * 60 * PX_PER_MIN - 8) }}
                  >
                    {String(hours.from + h).padStart(2, "0")}:00
                  </span>
                ))}
              </div>
              {venues.map((v, col) => (
                <div
                  key={v.id}
                  ref={(el) => {
                    columns.current[col] = el;
                  }}
                  className="relative border-l border-line"
                  style={{
                    height,
                    backgroundImage: `repeating-linear-gradient(to bottom, #e8d9c9 0 1px, transparent 1px ${30 * PX_PER_MIN}px)`,
                  }}
                  onPointerMove={(e) => {
                    if (drag.current || e.pointerType === "touch" || (e.target as Element).closest("[data-item]"))
                      return setHint((h) => (h ? null : h));
                    const minutes = minutesAtY(e.clientY - e.currentTarget.getBoundingClientRect().top, totalMinutes);
                    setHint((h) => (h?.venueId === v.id && h.minutes === minutes ? h : { venueId: v.id, minutes }));
                  }}
                  onPointerLeave={() => setHint(null)}
                >
                  {hint?.venueId === v.id && (
                    <div
                      aria-hidden="true"
                      data-testid="slot-hint"
                      className="pointer-events-none absolute inset-x-1 rounded-lg border-2 border-dashed border-red-brand bg-gold-soft/70"
                      style={{
                        top: hint.minutes * PX_PER_MIN,
                        height: Math.min(60, totalMinutes - hint.minutes) * PX_PER_MIN,
                      }}
                    >
                      <span className="absolute left-1 top-1 flex flex-col items-start gap-0.5">
                        <span className="whitespace-nowrap rounded bg-red-deep px-1.5 py-0.5 text-sm font-bold text-white tabular-nums">
                          {t("builder.slotHint", { time: clockOf(hours.from, hint.minutes) })}
                        </span>
                        <span className="px-1 text-sm text-red-deep">{t("builder.slotHintClick")}</span>
                      </span>
                    </div>
                  )}
                  {Array.from({ length: hours.to - hours.from }, (_, h) => (
                    <button
                      key={h}
                      type="button"
                      className="absolute inset-x-0 block w-full cursor-copy focus:z-10 focus:bg-gold-soft/60"
                      style={{ top: h * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN }}
                      aria-label={t("builder.slotLabel", {
                        venue: v.name,
                        time: `${String(hours.from + h).padStart(2, "0")}:00`,
                      })}
                      onClick={(e) => {
                        // By keyboard the slot's hour; by pointer the 5-minute line the hint showed.
                        const rect = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
                        openNew(v.id, e.detail === 0 ? h * 60 : minutesAtY(e.clientY - rect.top, totalMinutes));
                      }}
                    />
                  ))}
                  {ofDay
                    .filter((i) => i.venueId === v.id)
                    .map((i) => {
                      const y = minutesBetween(dayStart, i.startsAt) * PX_PER_MIN;
                      const h = Math.max(minutesBetween(i.startsAt, i.endsAt) * PX_PER_MIN, 24);
                      const clash = flagged.has(i.id);
                      const refused = refusal?.id === i.id ? refusal.text : null;
                      return (
                        <div
                          key={i.id}
                          data-item
                          className={`absolute inset-x-1 ${refused ? "z-30" : "z-10"}`}
                          style={{ top: y, height: h }}
                        >
                          <button
                            type="button"
                            ref={(el) => {
                              if (el) itemButtons.current.set(i.id, el);
                              else itemButtons.current.delete(i.id);
                            }}
                            data-item-id={i.id}
                            aria-describedby="builder-keys"
                            className={`flex h-full w-full touch-none cursor-grab flex-col overflow-hidden rounded-lg border-2 px-2 py-1 text-left text-sm shadow-sm active:cursor-grabbing ${
                              clash
                                ? "border-red-brand bg-red-soft"
                                : i.kind === "performance_block"
                                  ? "border-gold bg-gold-soft"
                                  : "border-red-brand/40 bg-white"
                            }`}
                            onPointerDown={(e) => onPointerDown(e, i, "move")}
                            onClick={(e) => e.detail === 0 && openEdit(i.id)}
                            onKeyDown={(e) => onKeyDown(e, i)}
                          >
                            <span className="font-semibold">{i.title}</span>
                            <span className="sr-only">{t("builder.itemVenue", { venue: v.name })}</span>
                            <span className="font-bold tabular-nums">
                              {t("programme.timeRange", {
                                start: localTime(i.startsAt, tz),
                                end: localTime(i.endsAt, tz),
                              })}
                            </span>
                            {actsOf(i.id).length > 0 && (
                              <span className="text-muted">
                                {t("builder.runningOrder")} · {actsOf(i.id).length}
                              </span>
                            )}
                          </button>
                          <div
                            role="presentation"
                            className="absolute inset-x-2 bottom-0 h-2.5 cursor-ns-resize rounded-b-lg bg-red-brand/30 touch-none hover:bg-red-brand/60"
                            onPointerDown={(e) => onPointerDown(e, i, "resize")}
                          />
                          {refused && (
                            // Beside the item, below it unless it sits low in the day; the status line above tells screen readers.
                            <p
                              data-testid="refusal"
                              className={`absolute w-64 rounded-lg border-2 border-red-brand bg-red-soft px-3 py-2 text-base font-semibold text-red-deep shadow-lg ${col === venues.length - 1 && venues.length > 1 ? "right-0" : "left-0"} ${y + h > height - 120 ? "bottom-full mb-2" : "top-full mt-2"}`}
                            >
                              <span
                                aria-hidden="true"
                                className={`absolute h-3 w-3 rotate-45 border-red-brand bg-red-soft ${col === venues.length - 1 && venues.length > 1 ? "right-4" : "left-4"} ${y + h > height - 120 ? "-bottom-[7px] border-b-2 border-r-2" : "-top-[7px] border-l-2 border-t-2"}`}
                              />
                              {refused}
                            </p>
                          )}
                        </div>
                      );
                    })}
                </div>
              ))}
            </div>
          )}
        </div>

        <aside aria-labelledby="conflicts-title" className="rounded-xl border border-line bg-white p-4 xl:w-72">
          <h2 id="conflicts-title" className="text-xl font-bold">
            {t("builder.conflicts")}
          </h2>
          {conflicts.length === 0 ? (
            <p className="mt-2 text-green-ink">{t("builder.noConflicts")}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2">
              {conflicts.map((c, n) => (
                <li key={n}>
                  <button
                    type="button"
                    onClick={() => jumpTo("itemIds" in c ? c.itemIds[0] : c.itemId)}
                    className="w-full rounded-lg border-l-4 border-red-brand bg-red-soft px-3 py-2 text-left text-base text-red-deep underline-offset-4 hover:underline"
                  >
                    {conflictText(c)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <p id="builder-keys" className="sr-only">
        {t("builder.intro")}
      </p>

      {dialog && (
        <ItemDialog
          open
          mode={dialog.mode}
          item={dialog.itemId ? items.find((i) => i.id === dialog.itemId) : undefined}
          acts={actsOf(dialog.itemId)}
          initial={dialog.initial}
          days={days}
          venues={venues}
          timeZone={tz}
          fieldErrors={dialog.fieldErrors}
          message={dialog.message}
          stale={dialog.stale}
          busy={busy}
          onSave={save}
          onDelete={remove}
          onClose={closeDialog}
          onReorder={reorder}
          onAddAct={addAct}
        />
      )}
    </div>
  );
}
