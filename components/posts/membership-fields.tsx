"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { MEMBER_STANDINGS, PERIODS, WEEKDAYS, type Period } from "@/vocabulary/posts";
import type { FieldErrors } from "@/lib/result";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextBox } from "./text-box";

/** A list sent back in a form's values ("1,3,5"). */
const listOf = (v: string | undefined) => (v ? v.split(",").filter(Boolean) : []);

/**
 * What a place in a post holds, asked the same way of an organiser and of a resident (in the
 * resident's own words): the group, party member or activist, the days and times they are free
 * (for the patrol), being named on the public page, and a note. A resident is asked only which
 * days, at the time the patrol walks; an organiser can say mornings and evenings. Works without
 * JavaScript: every choice is a native input under its name.
 */
export function MembershipFields({
  who,
  groups,
  patrol,
  values,
  errors,
  afterStanding,
  beforeNote,
}: {
  who: "organiser" | "resident";
  groups: { id: string; name: string; description?: string }[];
  /** For the patrol post: when it walks. */
  patrol: Period | null;
  /** Initial values: the member's, or what was sent before a refusal. */
  values: Record<string, string | undefined>;
  errors?: FieldErrors;
  /** The organiser's own questions, where they belong among these: leading, since when, serving. */
  afterStanding?: ReactNode;
  beforeNote?: ReactNode;
}) {
  const t = useTranslations("postsPublic");
  // A resident starts with no group chosen (none is "not sure yet" too); an organiser with none.
  const [groupId, setGroupId] = useState(values.groupId ?? (who === "organiser" ? "" : undefined));
  const [standing, setStanding] = useState(values.standing ?? "");
  const [days, setDays] = useState(listOf(values.availableDays));
  const [periods, setPeriods] = useState(listOf(values.availablePeriods));
  const [named, setNamed] = useState(values.showName === "on" || values.showName === "true");
  const e = (k: string) => errors?.[k];
  // A missing answer to a yes-or-no question is "choose one", not "invalid".
  const chosen = (k: string) => (errors?.[k]?.length ? ["choose_answer"] : undefined);
  return (
    <>
      {groups.length > 0 && (
        <ChoiceGroup
          name="groupId"
          legend={t(`fields.${who}.group`)}
          hint={t(`fields.${who}.groupHint`)}
          columns={2}
          value={groupId}
          onChange={setGroupId}
          errors={e("groupId")}
          choices={[
            ...groups.map((g) => ({ value: g.id, label: g.name, hint: g.description || undefined })),
            { value: "", label: t(`fields.${who}.noGroup`) },
          ]}
        />
      )}
      <ChoiceGroup
        name="standing"
        legend={t(`fields.${who}.standing`)}
        columns={2}
        value={standing}
        onChange={setStanding}
        errors={chosen("standing")}
        choices={MEMBER_STANDINGS.map((s) => ({ value: s, label: t(`fields.${who}.standings.${s}`) }))}
      />
      {afterStanding}
      {patrol && (
        <ChoiceGroup
          multiple
          name="availableDays"
          legend={
            who === "resident"
              ? t("fields.resident.days", { period: t(`vocab.periods.${patrol}`) })
              : t("fields.organiser.days")
          }
          hint={t("fields.daysHint")}
          columns={4}
          value={days}
          onChange={setDays}
          errors={e("availableDays")}
          choices={WEEKDAYS.map((d) => ({ value: String(d), label: t(`vocab.weekdays.${d}`) }))}
        />
      )}
      {patrol && who === "organiser" && (
        <ChoiceGroup
          multiple
          name="availablePeriods"
          legend={t("fields.organiser.periods")}
          hint={t("fields.periodsHint", { period: t(`vocab.periods.${patrol}`) })}
          columns={2}
          value={periods}
          onChange={setPeriods}
          errors={e("availablePeriods")}
          choices={PERIODS.map((p) => ({ value: p, label: t(`vocab.periodLabels.${p}`) }))}
        />
      )}
      {patrol && who === "resident" && <input type="hidden" name="availablePeriods" value={patrol} />}
      <label
        className={`flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 px-[14px] py-3 text-lg ${named ? "border-red-brand bg-red-soft" : "border-stone-400 bg-white hover:border-red-brand"}`}
      >
        <input
          type="checkbox"
          name="showName"
          checked={named}
          onChange={(ev) => setNamed(ev.target.checked)}
          className="mt-1 size-6 shrink-0 accent-red-brand"
        />
        <span className="flex min-w-0 flex-col gap-0.5 [overflow-wrap:anywhere]">
          <span className="font-semibold">{t(`fields.${who}.showName`)}</span>
          <span className="text-base text-muted">{t(`fields.${who}.showNameHint`)}</span>
        </span>
      </label>
      {beforeNote}
      <TextBox
        name="note"
        label={t(`fields.${who}.note`)}
        hint={t(`fields.${who}.noteHint`)}
        optional
        maxLength={200}
        defaultValue={values.note ?? ""}
        errors={e("note")}
      />
    </>
  );
}
