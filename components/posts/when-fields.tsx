"use client";

import { Field } from "@/components/ui/field";

type Key = "day" | "startsAt" | "endsAt";

/** A meeting's day and its start and end, as a training or a group's special event asks them. */
export function WhenFields({
  labels,
  endsHint,
  value,
  errors,
}: {
  labels: Record<Key, string>;
  endsHint?: string;
  value: (k: Key) => string | undefined;
  errors: (k: Key) => string[] | undefined;
}) {
  return (
    <>
      <Field
        name="day"
        type="date"
        label={labels.day}
        required
        defaultValue={value("day")}
        errors={errors("day")}
        className="w-48"
      />
      <Field
        name="startsAt"
        type="time"
        label={labels.startsAt}
        required
        defaultValue={value("startsAt")}
        errors={errors("startsAt")}
        className="w-40"
      />
      <Field
        name="endsAt"
        type="time"
        label={labels.endsAt}
        hint={endsHint}
        required
        defaultValue={value("endsAt")}
        errors={errors("endsAt")}
        className={endsHint ? "w-48" : "w-40"}
      />
    </>
  );
}
