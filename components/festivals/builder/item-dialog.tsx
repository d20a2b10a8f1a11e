"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrorText } from "@/components/ui/field";
import { PROGRAMME_KINDS, type ProgrammeKind } from "@/vocabulary/festivals";
import type { ItemDto } from "@/lib/festivals/programme-service";
import type { VenueDto } from "@/lib/festivals/dashboard-queries";
import { Button } from "@/components/ui/button";
import { splitPeople } from "@/lib/festivals/people";
import { instantOf, localDay, localTime, minutesBetween } from "./model";

export interface DialogDraft {
  title: string;
  kind: ProgrammeKind;
  venueId: string;
  day: string;
  start: string;
  end: string;
  description: string;
  capacity: string;
  people: string;
}

export const draftOf = (i: ItemDto, tz: string): DialogDraft => ({
  title: i.title,
  kind: i.kind,
  venueId: i.venueId ?? "",
  day: localDay(i.startsAt, tz),
  start: localTime(i.startsAt, tz),
  end: localTime(i.endsAt, tz),
  description: i.description ?? "",
  capacity: i.capacity ? String(i.capacity) : "",
  people: i.people.join("\n"),
});

/** The fields the services take, from what is typed in the dialog. */
export function inputOf(d: DialogDraft, tz: string) {
  const startsAt = instantOf(d.day, d.start || "00:00", tz);
  let endsAt = instantOf(d.day, d.end || "00:00", tz);
  // An end at or before the start runs past midnight.
  if (d.end && d.end <= d.start) endsAt = new Date(Date.parse(endsAt) + 86_400_000).toISOString();
  return {
    title: d.title,
    kind: d.kind,
    venueId: d.venueId || null,
    startsAt,
    endsAt,
    description: d.description || null,
    capacity: d.capacity ? Number(d.capacity) : null,
    people: splitPeople(d.people),
  };
}

export interface DialogProps {
  open: boolean;
  mode: "new" | "edit";
  item?: ItemDto;
  acts: ItemDto[];
  initial: DialogDraft;
  days: string[];
  venues: VenueDto[];
  timeZone: string;
  fieldErrors?: Record<string, string[] | undefined>;
  message?: { tone: "error" | "info"; text: string };
  stale?: ItemDto | null;
  busy: boolean;
  onSave: (draft: DialogDraft, overrideVersion?: number) => void;
  onDelete: () => void;
  onClose: () => void;
  onReorder: (order: string[]) => void;
  onAddAct: (title: string, minutes: number, performers: string) => void;
}

const control = "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg";

export function ItemDialog(p: DialogProps) {
  const t = useTranslations();
  const errorText = useFieldErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(p.initial);
  const [shownInitial, setShownInitial] = useState(p.initial);
  // A new starting point from the builder (after an error or a stale save) replaces the draft.
  if (p.initial !== shownInitial) {
    setShownInitial(p.initial);
    setDraft(p.initial);
  }
  const [act, setAct] = useState({ title: "", minutes: "10", people: "" });
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) d.showModal();
    if (!p.open && d.open) d.close();
  }, [p.open]);

  const set = (k: keyof DialogDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const err = (k: string) => errorText(p.fieldErrors?.[k]);
  const field = (k: keyof DialogDraft, label: string, el: React.ReactNode, hint?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`item-${k}`} className="text-lg font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`item-${k}-hint`} className="text-base text-muted">
          {hint}
        </p>
      )}
      {el}
      {err(k === "start" ? "startsAt" : k === "end" ? "endsAt" : k) && (
        <p className="text-base font-semibold text-red-deep">
          {err(k === "start" ? "startsAt" : k === "end" ? "endsAt" : k)}
        </p>
      )}
    </div>
  );
  const blockMinutes = p.item ? minutesBetween(p.item.startsAt, p.item.endsAt) : 0;
  const actsMinutes = p.acts.reduce((n, a) => n + minutesBetween(a.startsAt, a.endsAt), 0);
  const order = p.acts.map((a) => a.id);
  const move = (i: number, by: number) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    p.onReorder(next);
  };

  return (
    <dialog
      ref={ref}
      onClose={p.onClose}
      aria-labelledby="item-dialog-title"
      className="m-auto w-[min(44rem,96vw)] rounded-2xl border-2 border-gold p-0 backdrop:bg-black/40"
    >
      <form
        method="dialog"
        className="flex flex-col gap-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          p.onSave(draft);
        }}
        noValidate
      >
        <h2 id="item-dialog-title" className="text-2xl font-bold text-red-deep">
          {p.mode === "new" ? t("builder.newItem") : t("builder.editItem")}
        </h2>
        {p.message && (
          <p
            role={p.message.tone === "error" ? "alert" : "status"}
            className={`rounded-xl border-l-4 px-4 py-3 text-lg ${p.message.tone === "error" ? "border-red-brand bg-red-soft text-red-deep" : "border-gold bg-gold-soft"}`}
          >
            {p.message.text}
          </p>
        )}
        {p.stale && (
          <div className="flex flex-col gap-2 rounded-xl border-2 border-red-brand bg-red-soft p-4">
            <p role="alert" className="text-lg font-semibold text-red-deep">
              {t("builder.stale")}
            </p>
            <p className="text-lg">
              {p.stale.title} · {localTime(p.stale.startsAt, p.timeZone)}–{localTime(p.stale.endsAt, p.timeZone)} ·{" "}
              {p.venues.find((v) => v.id === p.stale!.venueId)?.name ?? t("builder.noVenue")}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" onClick={() => p.onSave(draft, p.stale!.version)}>
                {t("builder.staleUseMine")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                onClick={() => setDraft(draftOf(p.stale!, p.timeZone))}
              >
                {t("builder.staleTakeTheirs")}
              </Button>
            </div>
          </div>
        )}
        {field(
          "title",
          t("builder.title2"),
          <input id="item-title" className={control} value={draft.title} onChange={set("title")} />,
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            "kind",
            t("builder.kind"),
            <select
              id="item-kind"
              className={control}
              value={draft.kind}
              onChange={set("kind")}
              disabled={!!p.item?.parentId}
            >
              {PROGRAMME_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`programme.kinds.${k}`)}
                </option>
              ))}
            </select>,
          )}
          {field(
            "venueId",
            t("builder.venue"),
            <select
              id="item-venueId"
              className={control}
              value={draft.venueId}
              onChange={set("venueId")}
              disabled={!!p.item?.parentId}
            >
              <option value="">{t("builder.noVenue")}</option>
              {p.venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>,
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {field(
            "day",
            t("builder.date"),
            <select id="item-day" className={control} value={draft.day} onChange={set("day")}>
              {[...new Set([...p.days, draft.day])].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>,
          )}
          {field(
            "start",
            t("builder.start"),
            <input
              id="item-start"
              type="time"
              step={300}
              className={control}
              value={draft.start}
              onChange={set("start")}
            />,
          )}
          {field(
            "end",
            t("builder.end"),
            <input id="item-end" type="time" step={300} className={control} value={draft.end} onChange={set("end")} />,
          )}
        </div>
        {field(
          "description",
          t("builder.description"),
          <textarea
            id="item-description"
            rows={3}
            className={`${control} py-2`}
            value={draft.description}
            onChange={set("description")}
          />,
        )}
        <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
          {field(
            "capacity",
            t("builder.capacity"),
            <input
              id="item-capacity"
              type="number"
              min={1}
              className={control}
              value={draft.capacity}
              onChange={set("capacity")}
            />,
          )}
          {field(
            "people",
            t("builder.people"),
            <textarea
              id="item-people"
              rows={2}
              aria-describedby="item-people-hint"
              className={`${control} py-2`}
              value={draft.people}
              onChange={set("people")}
            />,
            t("builder.peopleHint"),
          )}
        </div>

        {p.item?.kind === "performance_block" && (
          <section aria-labelledby="order-title" className="flex flex-col gap-3 rounded-xl border border-line p-4">
            <h3 id="order-title" className="text-xl font-bold">
              {t("builder.runningOrder")}
            </h3>
            <p className={actsMinutes > blockMinutes ? "font-semibold text-red-deep" : "text-muted"}>
              {t("builder.actsTotal", { acts: actsMinutes, block: blockMinutes })}
            </p>
            <ol className="flex flex-col gap-2">
              {p.acts.map((a, i) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 flex-1 text-lg">
                    {i + 1}. {localTime(a.startsAt, p.timeZone)} {a.title}
                    {t("programme.minutes", { count: minutesBetween(a.startsAt, a.endsAt) })}
                  </span>
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={i === 0 || p.busy}
                    onClick={() => move(i, -1)}
                    aria-label={t("builder.moveUp", { title: a.title })}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={i === p.acts.length - 1 || p.busy}
                    onClick={() => move(i, 1)}
                    aria-label={t("builder.moveDown", { title: a.title })}
                  >
                    ↓
                  </Button>
                </li>
              ))}
            </ol>
            <fieldset className="flex flex-wrap items-end gap-2">
              <legend className="mb-1 font-semibold">{t("builder.addAct")}</legend>
              <label className="flex flex-col text-base">
                {t("builder.actTitle")}
                <input
                  className={control}
                  value={act.title}
                  onChange={(e) => setAct({ ...act, title: e.target.value })}
                />
              </label>
              <label className="flex w-32 flex-col text-base">
                {t("builder.actMinutes")}
                <input
                  type="number"
                  min={5}
                  step={5}
                  className={control}
                  value={act.minutes}
                  onChange={(e) => setAct({ ...act, minutes: e.target.value })}
                />
              </label>
              <label className="flex flex-col text-base">
                {t("builder.actPeople")}
                <input
                  className={control}
                  value={act.people}
                  onChange={(e) => setAct({ ...act, people: e.target.value })}
                />
              </label>
              <Button
                type="button"
                size="sm"
                disabled={p.busy || !act.title.trim()}
                onClick={() => {
                  p.onAddAct(act.title.trim(), Number(act.minutes) || 10, act.people.trim());
                  setAct({ title: "", minutes: "10", people: "" });
                }}
              >
                {t("builder.add")}
              </Button>
            </fieldset>
          </section>
        )}

        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
          <div className="flex gap-2">
            <Button type="submit" disabled={p.busy}>
              {p.busy ? t("builder.saving") : t("builder.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={p.onClose}>
              {t("builder.close")}
            </Button>
          </div>
          {p.mode === "edit" && (
            <Button type="button" variant="danger" disabled={p.busy} onClick={p.onDelete}>
              {t("builder.delete")}
            </Button>
          )}
        </div>
      </form>
    </dialog>
  );
}
