"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { Period } from "@/vocabulary/posts";
import type { ActionState } from "@/lib/action-state";
import { addMemberAction, updateMemberAction } from "@/lib/posts/actions";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { MembershipFields } from "@/components/posts/membership-fields";

type Target =
  | { mode: "add"; postId: string; person: { kind: "account" | "household"; id: string }; since: string }
  | {
      mode: "edit";
      postId: string;
      memberId: string;
      version: number;
      active: boolean;
      values: Record<string, string>;
    };

/**
 * Taking someone on (a resident's account or a household member), or changing a member: the
 * membership questions, whether they lead, since when; or marking them as having left. Works
 * without JavaScript; a refusal comes back beside its field with what was chosen.
 */
export function MemberForm({
  target,
  groups,
  patrol,
}: {
  target: Target;
  groups: { id: string; name: string }[];
  /** For the patrol post: when it walks. */
  patrol: Period | null;
}) {
  const t = useTranslations("postsAdmin.memberForm");
  const te = useTranslations("errors");
  const errorText = useFieldErrorText();
  const [state, action, pending] = useActionState<ActionState, FormData>(
    target.mode === "add" ? addMemberAction : updateMemberAction,
    { ok: false },
  );
  const failureText = useActionFailureText("postsAdmin")(state);
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  const failure = state.code === "invalid" && Object.keys(fieldErrors ?? {}).length ? te("invalid") : failureText;
  const initial: Record<string, string> =
    state.values ?? (target.mode === "edit" ? target.values : { standing: "activist", since: target.since });
  const [active, setActive] = useState(target.mode === "edit" ? (target.active ? "on" : "") : "on");
  const leaderErrors = fieldErrors?.leader;
  const personErrors = fieldErrors?.userId ?? fieldErrors?.householdMemberId;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex max-w-3xl flex-col gap-6">
      <input type="hidden" name="postId" value={target.postId} />
      {target.mode === "add" ? (
        <input
          type="hidden"
          name={target.person.kind === "account" ? "userId" : "householdMemberId"}
          value={target.person.id}
        />
      ) : (
        <>
          <input type="hidden" name="memberId" value={target.memberId} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
      {personErrors?.length ? <Alert tone="error">{errorText(personErrors)}</Alert> : null}
      <div key={state.at ?? "first"} className="flex flex-col gap-6">
        <MembershipFields
          who="organiser"
          groups={groups}
          patrol={patrol}
          values={initial}
          errors={fieldErrors}
          afterStanding={
            <div className="flex flex-col gap-1.5">
              <label className="flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 border-stone-400 bg-white px-[14px] py-3 text-lg hover:border-red-brand">
                <input
                  type="checkbox"
                  name="leader"
                  defaultChecked={initial.leader === "on" || initial.leader === "true"}
                  aria-invalid={leaderErrors?.length ? true : undefined}
                  aria-describedby={leaderErrors?.length ? "leader-error" : undefined}
                  className="mt-1 size-6 shrink-0 accent-red-brand"
                />
                <span className="flex min-w-0 flex-col gap-0.5">
                  <span className="font-semibold">{t(patrol ? "leaderPatrol" : "leader")}</span>
                  <span className="text-base text-muted">{t("leaderHint")}</span>
                </span>
              </label>
              {leaderErrors?.length ? (
                <p id="leader-error" className="text-base font-semibold text-red-deep">
                  {errorText(leaderErrors)}
                </p>
              ) : null}
            </div>
          }
          beforeNote={
            target.mode === "add" ? (
              <Field
                name="since"
                type="date"
                label={t("since")}
                hint={t("sinceHint")}
                required
                defaultValue={initial.since}
                errors={fieldErrors?.since}
              />
            ) : (
              <ChoiceGroup
                name="active"
                legend={t("status")}
                columns={2}
                value={active}
                onChange={setActive}
                choices={[
                  { value: "on", label: t("serving") },
                  { value: "", label: t("left"), hint: t(patrol ? "leftHintPatrol" : "leftHint") },
                ]}
              />
            )
          }
        />
      </div>
      <div>
        <SubmitButton pending={pending}>{target.mode === "add" ? t("add") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}
