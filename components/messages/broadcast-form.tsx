"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { broadcastAction, type BroadcastFormData } from "@/lib/broadcasts/actions";
import type { ActionState } from "@/lib/action-state";
import type { AudienceChoices } from "@/lib/broadcasts/queries";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldErrorText } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { AUDIENCE_KINDS, BROADCAST_MAX, BROADCAST_SMS_MAX } from "@/vocabulary/messages";
import { REGISTRATION_ROLES } from "@/vocabulary/registrations";

const control = "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg";

/**
 * An organiser's message to a group. "How many" shows whom it reaches and by which channel; only
 * then, and while nothing has changed since, does "Send" go.
 */
export function BroadcastForm({ choices }: { choices: AudienceChoices }) {
  const t = useTranslations("broadcasts");
  const format = useFormatter();
  const errorText = useFieldErrorText();
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState<BroadcastFormData>, FormData>(broadcastAction, {
    ok: false,
  });
  const [kind, setKind] = useState<string>(state.values?.kind ?? "role");
  const [when, setWhen] = useState<string>(state.values?.when ?? "now");
  const [sms, setSms] = useState<string[]>(state.values?.sms === "false" ? [] : ["true"]);
  const [body, setBody] = useState(state.values?.body ?? "");
  // Controlled, so the form's reset after each answer keeps what was chosen.
  const [picked, setPicked] = useState<Record<string, string>>(() => ({
    festivalId: choices.festivals[0]?.id ?? "",
    role: REGISTRATION_ROLES[0],
    itemId: choices.items[0]?.id ?? "",
    shiftId: choices.shifts[0]?.id ?? "",
    building: choices.buildings[0] ?? "",
  }));
  const [sendAt, setSendAt] = useState("");
  // The preview counts for what the form said when it was asked; any change asks again.
  const [previewed, setPreviewed] = useState(false);
  useEffect(() => {
    if (state.ok && state.data?.step === "preview") setPreviewed(true);
    if (state.ok && state.data?.step === "sent") {
      setPreviewed(false);
      setBody("");
      router.refresh();
    }
  }, [state, router]);
  const changed = () => setPreviewed(false);
  const preview = state.ok && state.data ? state.data.preview : null;
  const sent = state.ok && state.data?.step === "sent" ? state.data : null;
  const when_ = (d: Date) =>
    format.dateTime(d, { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`bc-${name}`} className="text-lg font-semibold">
        {label}
      </label>
      <select
        id={`bc-${name}`}
        name={name}
        value={picked[name]}
        className={control}
        onChange={(e) => {
          setPicked((p) => ({ ...p, [name]: e.target.value }));
          changed();
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {sent ? (
        <Alert tone="success">
          {sent.later
            ? t("scheduled", { people: sent.preview.people, time: when_(new Date(sent.sendAt)) })
            : t("sent", { people: sent.preview.people, texts: sent.preview.textMessages })}
        </Alert>
      ) : (
        <FormMessage code={state.ok ? undefined : state.code} />
      )}
      <ChoiceGroup
        name="kind"
        legend={t("audienceLegend")}
        columns={2}
        value={kind}
        onChange={(k) => {
          setKind(k);
          changed();
        }}
        choices={AUDIENCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        errors={state.fieldErrors?.audience}
      />
      {kind === "role" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {select(
            "festivalId",
            t("festival"),
            choices.festivals.map((f) => ({ value: f.id, label: f.title })),
          )}
          {select(
            "role",
            t("role"),
            REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          )}
        </div>
      )}
      {kind === "item" &&
        select(
          "itemId",
          t("item"),
          choices.items.map((i) => ({ value: i.id, label: `${i.title} · ${when_(i.startsAt)} · ${i.festival}` })),
        )}
      {kind === "shift" &&
        select(
          "shiftId",
          t("shift"),
          choices.shifts.map((s) => ({ value: s.id, label: `${s.title} · ${when_(s.startsAt)} · ${s.festival}` })),
        )}
      {kind === "building" &&
        select(
          "building",
          t("building"),
          choices.buildings.map((b) => ({ value: b, label: b })),
        )}
      <div className="flex flex-col gap-1.5">
        <label htmlFor="bc-body" className="text-lg font-semibold">
          {t("body")}
        </label>
        <p id="bc-body-hint" className="text-base text-muted">
          {t("bodyHint", { max: BROADCAST_MAX, sms: BROADCAST_SMS_MAX })}
        </p>
        <textarea
          id="bc-body"
          name="body"
          rows={4}
          maxLength={BROADCAST_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={["bc-body-hint", state.fieldErrors?.body ? "bc-body-error" : ""].filter(Boolean).join(" ")}
          aria-invalid={state.fieldErrors?.body ? true : undefined}
          className="w-full rounded-xl border-2 border-stone-400 bg-white px-3 py-2 text-lg"
        />
        <p className="text-base text-muted" aria-live="polite">
          {t("count", { n: body.length, max: BROADCAST_MAX })}
        </p>
        {state.fieldErrors?.body && (
          <p id="bc-body-error" className="text-base font-semibold text-red-deep">
            {errorText(state.fieldErrors.body)}
          </p>
        )}
      </div>
      <input type="hidden" name="sms" value={sms.includes("true") ? "true" : "false"} />
      <ChoiceGroup
        legend={t("channels")}
        multiple
        columns={1}
        value={sms}
        onChange={(s) => {
          setSms(s);
          changed();
        }}
        choices={[{ value: "true", label: t("alsoSms") }]}
      />
      <ChoiceGroup
        name="when"
        legend={t("when")}
        columns={2}
        value={when}
        onChange={(w) => {
          setWhen(w);
          changed();
        }}
        choices={[
          { value: "now", label: t("now") },
          { value: "later", label: t("later") },
        ]}
      />
      {when === "later" && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor="bc-sendAt" className="text-lg font-semibold">
            {t("sendAt")}
          </label>
          <input
            id="bc-sendAt"
            name="sendAt"
            type="datetime-local"
            value={sendAt}
            onChange={(e) => {
              setSendAt(e.target.value);
              changed();
            }}
            className={control}
            aria-invalid={state.fieldErrors?.sendAt ? true : undefined}
          />
          {state.fieldErrors?.sendAt && (
            <p className="text-base font-semibold text-red-deep">{errorText(state.fieldErrors.sendAt)}</p>
          )}
        </div>
      )}
      {previewed && preview && !sent && (
        <p className="rounded-xl bg-gold-soft px-4 py-3 text-lg font-semibold" data-testid="broadcast-preview">
          {sms.includes("true")
            ? t("preview", { people: preview.people, texts: preview.textMessages })
            : t("previewAppOnly", { people: preview.people })}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="preview"
          disabled={pending}
          className={buttonClass("secondary", "lg")}
        >
          {t("previewButton")}
        </button>
        <button
          type="submit"
          name="intent"
          value="send"
          disabled={pending || !previewed || !preview?.people}
          className={buttonClass("primary", "lg")}
        >
          {when === "later" ? t("scheduleButton") : t("sendButton")}
        </button>
      </div>
      {!previewed && <p className="text-base text-muted">{t("previewFirst")}</p>}
    </form>
  );
}
