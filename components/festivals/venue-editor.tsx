"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrorText } from "@/components/ui/field";
import { createVenueAction, deleteVenueAction, updateVenueAction } from "@/lib/festivals/actions";
import type { ActionState } from "@/lib/action-state";
import type { VenueDto } from "@/lib/festivals/dashboard-queries";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

const input = "min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-base";

function VenueFields({ venue, state, idPrefix }: { venue?: VenueDto; state: ActionState; idPrefix: string }) {
  const t = useTranslations();
  const v = (k: keyof VenueDto) => state.values?.[k] ?? (venue?.[k] == null ? "" : String(venue[k]));
  const errorText = useFieldErrorText();
  const error = (k: string) => errorText(state.fieldErrors?.[k]);
  const field = (k: "name" | "capacity" | "description" | "position", label: string, type = "text", className = "") => (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={`${idPrefix}-${k}`} className="text-base font-semibold">
        {label}
      </label>
      <input
        id={`${idPrefix}-${k}`}
        name={k}
        type={type}
        defaultValue={v(k)}
        className={input}
        aria-invalid={error(k) ? true : undefined}
        aria-describedby={error(k) ? `${idPrefix}-${k}-error` : undefined}
      />
      {error(k) && (
        <p id={`${idPrefix}-${k}-error`} className="text-sm font-semibold text-red-deep">
          {error(k)}
        </p>
      )}
    </div>
  );
  return (
    <div className="grid flex-1 gap-3 md:grid-cols-[2fr_1fr_3fr_1fr]">
      {field("name", t("festivals.venueName"))}
      {field("capacity", t("festivals.capacity"), "number")}
      {field("description", t("festivals.description"))}
      {field("position", t("festivals.position"), "number")}
    </div>
  );
}

export function VenueRow({ slug, venue }: { slug: string; venue: VenueDto }) {
  const t = useTranslations("festivals");
  const [state, action] = useActionState<ActionState, FormData>(updateVenueAction, { ok: false });
  const [delState, deleteAction] = useActionState<ActionState, FormData>(deleteVenueAction, { ok: false });
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-line bg-white p-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={venue.id} />
        <input type="hidden" name="festivalSlug" value={slug} />
        <VenueFields venue={venue} state={state} idPrefix={`venue-${venue.id}`} />
        <SubmitButton variant="secondary" size="sm">
          {t("saveVenue")}
        </SubmitButton>
      </form>
      <form action={deleteAction}>
        <input type="hidden" name="id" value={venue.id} />
        <input type="hidden" name="festivalSlug" value={slug} />
        <SubmitButton variant="danger" size="sm" aria-label={`${t("deleteVenue")} ${venue.name}`}>
          {t("deleteVenue")}
        </SubmitButton>
      </form>
      <FormMessage code={state.ok || state.fieldErrors ? undefined : state.code} />
      <FormMessage code={delState.ok ? undefined : delState.code} />
    </li>
  );
}

export function NewVenueForm({ slug }: { slug: string }) {
  const t = useTranslations("festivals");
  const [state, action] = useActionState<ActionState, FormData>(createVenueAction, { ok: false });
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-xl border-2 border-dashed border-gold bg-gold-soft/40 p-4"
      key={state.ok ? state.at : "new"}
    >
      <input type="hidden" name="festivalSlug" value={slug} />
      <VenueFields state={state.ok ? { ok: false } : state} idPrefix="new-venue" />
      <SubmitButton size="sm">{t("addVenue")}</SubmitButton>
      <FormMessage code={state.ok || state.fieldErrors ? undefined : state.code} />
    </form>
  );
}
