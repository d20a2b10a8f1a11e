"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import {
  awardPointsAction,
  createRewardAction,
  redeemRewardAction,
  setRewardActiveAction,
} from "@/lib/points/admin-actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { InlineOutcome, useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";

// The points desk's forms: each posts to a server action and shows its translated outcome; all
// work without JavaScript.

const control = "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-4 text-lg text-ink";

function Outcome({ state, success }: { state: ActionState; success: string | null }) {
  const failure = useActionFailureText("pointsAdmin")(state);
  if (state.ok && success) return <Alert tone="success">{success}</Alert>;
  return failure ? <Alert tone="error">{failure}</Alert> : null;
}

/** A volunteer takes a reward: refused when their balance is too small. */
export function RedeemForm({
  userId,
  name,
  rewards,
}: {
  userId: string;
  name: string;
  rewards: { id: string; name: string; cost: number }[];
}) {
  const t = useTranslations("pointsAdmin.desk");
  const [state, action, pending] = useActionState<ActionState<{ balance: number }>, FormData>(redeemRewardAction, {
    ok: false,
  });
  const chosen = rewards.find((r) => r.id === state.values?.rewardId);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="rewardId" className="text-lg font-semibold">
          {t("reward")}
        </label>
        <select
          id="rewardId"
          name="rewardId"
          required
          defaultValue={state.ok ? "" : (state.values?.rewardId ?? "")}
          className={control}
        >
          <option value="">{t("chooseReward")}</option>
          {rewards.map((r) => (
            <option key={r.id} value={r.id}>
              {t("rewardOption", { name: r.name, cost: r.cost })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <SubmitButton pending={pending}>{t("redeem")}</SubmitButton>
      </div>
      <Outcome
        state={state}
        success={
          state.ok && state.data
            ? t("redeemed", { name, reward: chosen?.name ?? "", balance: state.data.balance })
            : null
        }
      />
    </form>
  );
}

/** An organiser's award with a reason the volunteer will see. */
export function AwardForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("pointsAdmin.desk");
  const [state, action, pending] = useActionState<ActionState, FormData>(awardPointsAction, { ok: false });
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form
      key={state.ok ? state.at : "award"}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <Field
        name="points"
        label={t("points")}
        type="number"
        min={1}
        max={1000}
        inputMode="numeric"
        required
        defaultValue={state.ok ? "" : state.values?.points}
        errors={e("points")}
      />
      <Field
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        maxLength={200}
        required
        defaultValue={state.ok ? "" : state.values?.reason}
        errors={e("reason")}
      />
      <div>
        <SubmitButton pending={pending}>{t("award")}</SubmitButton>
      </div>
      <Outcome state={state} success={state.ok ? t("awarded", { name, points: Number(state.values?.points) }) : null} />
    </form>
  );
}

export function AddRewardForm() {
  const t = useTranslations("pointsAdmin.rewards");
  const [state, action, pending] = useActionState<ActionState<{ id: string }>, FormData>(createRewardAction, {
    ok: false,
  });
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form
      key={state.ok ? state.at : "reward"}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-3"
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field
          name="name"
          label={t("name")}
          maxLength={40}
          required
          defaultValue={state.ok ? "" : state.values?.name}
          errors={e("name")}
        />
        <Field
          name="cost"
          label={t("cost")}
          type="number"
          min={1}
          max={100000}
          inputMode="numeric"
          required
          defaultValue={state.ok ? "" : state.values?.cost}
          errors={e("cost")}
        />
      </div>
      <div>
        <SubmitButton pending={pending} variant="secondary">
          {t("add")}
        </SubmitButton>
      </div>
      <Outcome state={state} success={state.ok ? t("added", { name: state.values?.name ?? "" }) : null} />
    </form>
  );
}

/** Taking a reward off the list, or putting it back. */
export function RewardToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useTranslations("pointsAdmin.rewards");
  const [state, action, pending] = useActionState<ActionState, FormData>(setRewardActiveAction, { ok: false });
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton
        pending={pending}
        variant={active ? "danger" : "secondary"}
        size="sm"
        aria-label={t(active ? "deactivateName" : "reactivateName", { name })}
      >
        {t(active ? "deactivate" : "reactivate")}
      </SubmitButton>
      <InlineOutcome state={state} scope="pointsAdmin" />
    </form>
  );
}
