"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { editStoryAction, mergeNominationsAction } from "@/lib/stars/admin-actions";
import { STORY_MAX } from "@/lib/stars/schemas";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, InlineOutcome } from "./outcome";

const control = "w-full rounded-lg border-2 bg-white px-3 text-base";

/** Shortening a story or taking out private details, with the reason the audit log keeps. */
function EditStoryForm({ slug, id, version, story }: { slug: string; id: string; version: number; story: string }) {
  const t = useTranslations();
  const [state, action] = useActionState<ActionState, FormData>(editStoryAction, { ok: false });
  const [length, setLength] = useState(story.length);
  const errorOf = (k: string) =>
    state.ok ? undefined : state.fieldErrors?.[k]?.map((c) => fieldError(t, c)).join(" ");
  const storyId = `story-${id}`;
  const reasonId = `story-reason-${id}`;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="festivalSlug" value={slug} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={storyId} className="text-sm font-semibold">
        {t("starsAdmin.tools.story")}
      </label>
      <textarea
        id={storyId}
        name="story"
        rows={5}
        maxLength={STORY_MAX}
        required
        defaultValue={state.values?.story ?? story}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={errorOf("story") ? true : undefined}
        aria-describedby={[`${storyId}-count`, errorOf("story") ? `${storyId}-error` : ""].filter(Boolean).join(" ")}
        className={`${control} py-2 ${errorOf("story") ? "border-red-brand" : "border-stone-400"}`}
      />
      <p id={`${storyId}-count`} className="text-sm text-muted tabular-nums">
        {t("starsAdmin.tools.storyLength", { length, max: STORY_MAX })}
      </p>
      {errorOf("story") && (
        <p id={`${storyId}-error`} className="text-sm font-semibold text-red-deep">
          {errorOf("story")}
        </p>
      )}
      <label htmlFor={reasonId} className="text-sm font-semibold">
        {t("starsAdmin.tools.reason")}
      </label>
      <p id={`${reasonId}-hint`} className="text-sm text-muted">
        {t("starsAdmin.tools.reasonHint")}
      </p>
      <input
        id={reasonId}
        name="reason"
        maxLength={200}
        required
        defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
        aria-invalid={errorOf("reason") ? true : undefined}
        aria-describedby={[`${reasonId}-hint`, errorOf("reason") ? `${reasonId}-error` : ""].filter(Boolean).join(" ")}
        className={`${control} min-h-11 ${errorOf("reason") ? "border-red-brand" : "border-stone-400"}`}
      />
      {errorOf("reason") && (
        <p id={`${reasonId}-error`} className="text-sm font-semibold text-red-deep">
          {errorOf("reason")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton variant="secondary" size="sm">
          {t("starsAdmin.tools.saveStory")}
        </SubmitButton>
        <InlineOutcome
          state={state.fieldErrors ? { ok: false } : state}
          success={
            <>
              {t("starsAdmin.tools.storySaved")}{" "}
              <Link href="/dashboard/audit?action=stars.edit_story" className="underline underline-offset-4">
                {t("starsAdmin.tools.inAudit")}
              </Link>
            </>
          }
        />
      </div>
    </form>
  );
}

export interface MergeTarget {
  id: string;
  label: string;
}

/** Joining this nomination to another of the same person in the same category. */
function MergeForm({ slug, id, name, targets }: { slug: string; id: string; name: string; targets: MergeTarget[] }) {
  const t = useTranslations("starsAdmin.tools");
  const [state, action] = useActionState<ActionState, FormData>(mergeNominationsAction, { ok: false });
  const fieldId = `merge-${id}`;
  return (
    <form
      action={action}
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        if (!window.confirm(t("confirmMerge", { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="festivalSlug" value={slug} />
      <input type="hidden" name="sourceId" value={id} />
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {t("mergeInto")}
      </label>
      <p id={`${fieldId}-hint`} className="text-sm text-muted">
        {t("mergeHint")}
      </p>
      <select
        id={fieldId}
        name="targetId"
        defaultValue={state.values?.targetId ?? targets[0]?.id}
        aria-describedby={`${fieldId}-hint`}
        className={`${control} min-h-11 border-stone-400`}
      >
        {targets.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton variant="secondary" size="sm">
          {t("merge")}
        </SubmitButton>
        <InlineOutcome state={state} success={t("merged")} />
      </div>
    </form>
  );
}

const summaryClass =
  "inline-flex min-h-11 cursor-pointer items-center whitespace-nowrap rounded-xl border-2 border-red-brand bg-white px-3 text-base font-semibold text-red-deep hover:bg-red-soft";

/** The story's editor, folded away under the story until needed. */
export function StoryEditor({
  slug,
  id,
  name,
  version,
  story,
}: {
  slug: string;
  id: string;
  name: string;
  version: number;
  story: string;
}) {
  const t = useTranslations("starsAdmin.tools");
  return (
    <details className="mt-2">
      <summary aria-label={t("editFor", { name })} className={summaryClass}>
        {t("edit")}
      </summary>
      <div className="mt-2">
        <EditStoryForm slug={slug} id={id} version={version} story={story} />
      </div>
    </details>
  );
}

/** Merging, folded away until needed; when nothing in the category can take it, says so. */
export function MergeTools({
  slug,
  id,
  name,
  targets,
}: {
  slug: string;
  id: string;
  name: string;
  targets: MergeTarget[];
}) {
  const t = useTranslations("starsAdmin.tools");
  return (
    <details className="mt-2">
      <summary aria-label={t("mergeFor", { name })} className={summaryClass}>
        {t("mergeOpen")}
      </summary>
      <div className="mt-2 w-60">
        {targets.length ? (
          <MergeForm slug={slug} id={id} name={name} targets={targets} />
        ) : (
          <p className="text-sm text-muted">{t("noMergeTarget")}</p>
        )}
      </div>
    </details>
  );
}
