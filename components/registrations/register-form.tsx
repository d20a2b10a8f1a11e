"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import {
  ACT_TYPES,
  AGE_GROUPS,
  SKILLS,
  SKILL_LEVELS,
  STAGE_NEEDS,
  TIMES_OF_DAY,
  type RegistrationRole,
} from "@/vocabulary/registrations";
import { registrationSchema, type RegistrationData, type RegistrationInput } from "@/lib/registrations/schemas";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { postJson } from "@/components/ui/post";

export interface ItemChoice {
  id: string;
  title: string;
  /** Day, time and venue, already in the reader's language and the festival's zone. */
  when: string;
  left: number | null;
  waiting: number;
  teams: string[];
  /** Already registered for it (for myself, or the member being registered). */
  held: string[];
}

export interface SlotChoice {
  startsAt: string;
  endsAt: string;
  label: string;
}

type Values = RegistrationInput;

export interface RegisterFormProps {
  festivalSlug: string;
  role: RegistrationRole;
  actMaxMinutes: number;
  items: ItemChoice[];
  slots: SlotChoice[];
  hasHousehold: boolean;
  /** The household's members the form may pick from (their age this year). */
  members: MemberChoice[];
  /** Where a member's entry comes from: the resident's page (their own household). */
  membersHref?: string;
  edit?: { id: string; version: number; values: Partial<Values> };
  /** At the service desk: who is registered, and where the organiser goes afterwards. */
  desk?: {
    deskFor: { kind: "account"; userId: string } | { kind: "member"; memberId: string };
    doneHref: string;
    anotherHref: string;
  };
}

export interface MemberChoice {
  id: string;
  name: string;
  age: number;
}

type Outcome = { kind: "registered"; status: "confirmed" | "waitlisted"; position: number | null } | { kind: "saved" };

const ROLE_DEFAULTS: Record<RegistrationRole, Partial<Values>> = {
  performer: {
    actTitle: "",
    group: false,
    performers: [],
    coPerformerPhones: [],
    stageNeeds: [],
    stageNeedsOther: "",
    preferredTime: "any",
  },
  backstage: { skills: [], available: [] },
  athlete: { emergencyName: "", emergencyPhone: "", healthDeclaration: false, teamAction: "none", team: "" },
  player: { partner: { kind: "none" } },
};

/** Where a server error about who takes part shows: beside the box or choice it is about. */
const fieldOf = (field: string, code: string) =>
  field !== "participant"
    ? field
    : code === "guardian_consent_required"
      ? "participant.guardianConsent"
      : code === "member_unknown" || code === "member_required"
        ? "participant.memberId"
        : "participant.kind";

/** The first error code of a field, as the Field and ChoiceGroup components take them. */
function codes(errors: FieldErrors<Values>, path: string): string[] | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const e = node as
    { message?: string; root?: { message?: string } } | Array<{ message?: string } | undefined> | undefined;
  if (!e) return undefined;
  if (Array.isArray(e)) {
    const first = e.find((x) => x?.message);
    return first?.message ? [first.message] : undefined;
  }
  const message = e.message ?? e.root?.message;
  return message ? [message] : undefined;
}

/**
 * One role's registration form: react-hook-form with the same zod union the server parses, sent
 * as JSON. Errors from either side land beside their field, translated.
 */
export function RegisterForm({
  festivalSlug,
  role,
  actMaxMinutes,
  items,
  slots,
  hasHousehold,
  members,
  membersHref,
  edit,
  desk,
}: RegisterFormProps) {
  const t = useTranslations("register");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<Values, unknown, RegistrationData>({
    resolver: zodResolver(registrationSchema),
    defaultValues: {
      festivalSlug,
      role,
      // From a member's card at the desk, the member is the one taking part.
      participant:
        desk?.deskFor.kind === "member"
          ? { kind: "member", memberId: desk.deskFor.memberId, guardianConsent: false }
          : { kind: "self" },
      ...ROLE_DEFAULTS[role],
      ...edit?.values,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => codes(errors, path);
  const participant = useWatch({ control: form.control, name: "participant" });
  const chosenMember = participant?.kind === "member" ? members.find((m) => m.id === participant.memberId) : undefined;
  const itemId = useWatch({ control: form.control, name: "itemId" });
  const partnerKind = useWatch({ control: form.control, name: "partner.kind" });
  const chosenItem = items.find((i) => i.id === itemId);
  const editItemId = edit && "itemId" in edit.values ? edit.values.itemId : undefined;

  const onSubmit = form.handleSubmit(async () => {
    setCode(undefined);
    // The raw answers go to the server, which parses them with the same schema.
    const values = form.getValues();
    const body = edit
      ? { ...values, id: edit.id, version: edit.version }
      : desk
        ? { ...values, deskFor: desk.deskFor }
        : values;
    const result = await postJson<{ status: "confirmed" | "waitlisted"; position: number | null }>(
      desk ? "/api/desk/registrations" : "/api/registrations",
      body,
      { method: edit ? "PUT" : "POST" },
    );
    if (!result.ok) {
      for (const [field, c] of Object.entries(result.fieldErrors ?? {}))
        if (c?.length) form.setError(fieldOf(field, c[0]) as "role", { message: c[0] });
      setCode(result.code);
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    setOutcome(
      edit ? { kind: "saved" } : { kind: "registered", status: result.data.status, position: result.data.position },
    );
    window.scrollTo({ top: 0 });
    router.refresh();
  });

  if (outcome)
    return (
      <Done
        outcome={outcome}
        doneHref={desk?.doneHref ?? "/me"}
        anotherHref={desk?.anotherHref ?? `/festivals/${festivalSlug}/register`}
        atDesk={!!desk}
      />
    );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-7">
      <FormMessage code={code} />

      {/* Who takes part */}
      {desk?.deskFor.kind !== "member" && (
        <Controller
          control={form.control}
          name="participant.kind"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("who")}
              value={field.value}
              onChange={(v) =>
                form.setValue(
                  "participant",
                  v === "self"
                    ? { kind: "self" }
                    : { kind: "member", memberId: members.length === 1 ? members[0].id : "", guardianConsent: false },
                )
              }
              errors={err("participant.kind")}
              choices={[
                { value: "self", label: desk ? t("whoSelfAtDesk") : t("whoSelf") },
                {
                  value: "member",
                  label: t("whoMember"),
                  hint: !hasHousehold
                    ? t("whoMemberNeedsHousehold")
                    : members.length === 0
                      ? t("whoMemberNone")
                      : t("whoMemberHint"),
                  disabled: !hasHousehold || members.length === 0 || !!edit,
                },
              ]}
            />
          )}
        />
      )}
      {hasHousehold && members.length === 0 && membersHref && !edit && (
        <Link href={membersHref} className={buttonClass("ghost", "md", "self-start underline")}>
          {t("addMemberFirst")}
        </Link>
      )}
      {participant?.kind === "member" && (
        <div className="flex flex-col gap-4 rounded-xl border-2 border-gold bg-gold-soft/40 p-4">
          {desk?.deskFor.kind !== "member" && (
            <Controller
              control={form.control}
              name="participant.memberId"
              render={({ field }) => (
                <ChoiceGroup
                  legend={t("whichMember")}
                  hint={t("memberNameHint")}
                  value={field.value}
                  onChange={(v) => {
                    field.onChange(v);
                    form.setValue("participant.guardianConsent", false);
                  }}
                  errors={err("participant.memberId")}
                  columns={1}
                  choices={members.map((m) => ({
                    value: m.id,
                    label: m.name,
                    hint: t("memberAgeIs", { age: m.age }),
                    disabled: !!edit && m.id !== participant.memberId,
                  }))}
                />
              )}
            />
          )}
          {desk?.deskFor.kind === "member" && chosenMember && (
            <p className="text-lg">
              <strong className="text-xl">{chosenMember.name}</strong> · {t("memberAgeIs", { age: chosenMember.age })}
            </p>
          )}
          {chosenMember && chosenMember.age < 14 && (
            <Check
              label={t("guardianConsent")}
              errors={err("participant.guardianConsent")}
              {...form.register("participant.guardianConsent")}
            />
          )}
        </div>
      )}

      {role === "performer" && <PerformerFields form={form} err={err} actMaxMinutes={actMaxMinutes} />}

      {role === "backstage" && (
        <>
          <Controller
            control={form.control}
            name="skills"
            render={({ field }) => (
              <ChoiceGroup
                multiple
                legend={t("skills")}
                hint={t("skillsHint")}
                value={field.value ?? []}
                onChange={field.onChange}
                errors={err("skills")}
                columns={4}
                choices={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))}
              />
            )}
          />
          <Controller
            control={form.control}
            name="available"
            render={({ field }) => {
              const chosen = (field.value ?? []).map((r) => r.startsAt);
              return (
                <ChoiceGroup
                  multiple
                  legend={t("available")}
                  hint={t("availableHint")}
                  value={chosen}
                  onChange={(starts) =>
                    field.onChange(
                      slots
                        .filter((s) => starts.includes(s.startsAt))
                        .map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
                    )
                  }
                  errors={err("available")}
                  columns={1}
                  choices={slots.map((s) => ({ value: s.startsAt, label: s.label }))}
                />
              );
            }}
          />
        </>
      )}

      {(role === "athlete" || role === "player") && (
        <Controller
          control={form.control}
          name="itemId"
          render={({ field }) => (
            <ChoiceGroup
              legend={role === "athlete" ? t("sportItem") : t("gameItem")}
              hint={t("itemHint")}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                form.setValue("team", "");
              }}
              errors={err("itemId")}
              columns={1}
              choices={items.map((i) => ({
                value: i.id,
                disabled: !!edit && i.id !== editItemId,
                label: (
                  <span className="flex flex-wrap items-center gap-2">
                    {i.title}
                    {i.held.includes(participant?.kind === "member" ? `member:${participant.memberId}` : "self") &&
                    i.id !== editItemId ? (
                      <Badge tone="grey">{t("alreadyIn")}</Badge>
                    ) : i.left === null ? null : i.left > 0 ? (
                      <Badge tone="green">{t("placesLeft", { count: i.left })}</Badge>
                    ) : (
                      <Badge tone="red">{t("full", { count: i.waiting })}</Badge>
                    )}
                  </span>
                ),
                hint: i.when,
              }))}
            />
          )}
        />
      )}
      {items.length === 0 && (role === "athlete" || role === "player") && <Alert tone="info">{t("noItems")}</Alert>}
      {chosenItem && chosenItem.left === 0 && !edit && (
        <Alert tone="info">{t("fullExplained", { count: chosenItem.waiting })}</Alert>
      )}

      {role === "athlete" && <AthleteFields form={form} err={err} teams={chosenItem?.teams ?? []} />}

      {role === "player" && (
        <>
          <Controller
            control={form.control}
            name="level"
            render={({ field }) => (
              <ChoiceGroup
                legend={t("level")}
                value={field.value}
                onChange={field.onChange}
                errors={err("level")}
                columns={3}
                choices={SKILL_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              />
            )}
          />
          <Controller
            control={form.control}
            name="partner.kind"
            render={({ field }) => (
              <ChoiceGroup
                legend={t("partner")}
                hint={t("partnerHint")}
                value={field.value}
                onChange={(v) =>
                  form.setValue(
                    "partner",
                    v === "phone" ? { kind: "phone", phone: "" } : v === "find" ? { kind: "find" } : { kind: "none" },
                  )
                }
                errors={err("partner.kind") ?? (partnerKind !== "phone" ? err("partner") : undefined)}
                columns={1}
                choices={[
                  { value: "none", label: t("partnerNone") },
                  { value: "phone", label: t("partnerPhone"), hint: t("partnerPhoneHint") },
                  { value: "find", label: t("partnerFind"), hint: t("partnerFindHint") },
                ]}
              />
            )}
          />
          {partnerKind === "phone" && (
            <Field
              label={t("partnerPhoneLabel")}
              type="tel"
              inputMode="numeric"
              autoComplete="off"
              className="max-w-sm"
              errors={err("partner.phone") ?? err("partner")}
              {...form.register("partner.phone")}
            />
          )}
        </>
      )}

      <SubmitButton size="lg" pending={isSubmitting} className="self-stretch sm:self-start">
        {edit ? t("save") : t("submit")}
      </SubmitButton>
    </form>
  );
}

type FormApi = ReturnType<typeof useForm<Values, unknown, RegistrationData>>;
type Err = (path: string) => string[] | undefined;

function PerformerFields({ form, err, actMaxMinutes }: { form: FormApi; err: Err; actMaxMinutes: number }) {
  const t = useTranslations("register");
  const group = useWatch({ control: form.control, name: "group" });
  const needs = useWatch({ control: form.control, name: "stageNeeds" }) ?? [];
  return (
    <>
      <Field
        label={t("actTitle")}
        hint={t("actTitleHint")}
        autoComplete="off"
        errors={err("actTitle")}
        {...form.register("actTitle")}
      />
      <Controller
        control={form.control}
        name="actType"
        render={({ field }) => (
          <ChoiceGroup
            legend={t("actType")}
            value={field.value}
            onChange={field.onChange}
            errors={err("actType")}
            columns={3}
            choices={ACT_TYPES.map((a) => ({ value: a, label: t(`actTypes.${a}`) }))}
          />
        )}
      />
      <Controller
        control={form.control}
        name="group"
        render={({ field }) => (
          <ChoiceGroup
            legend={t("soloOrGroup")}
            value={field.value ? "group" : "solo"}
            onChange={(v) => field.onChange(v === "group")}
            choices={[
              { value: "solo", label: t("solo") },
              { value: "group", label: t("group") },
            ]}
          />
        )}
      />
      {group && (
        <>
          <Controller
            control={form.control}
            name="performers"
            render={({ field }) => (
              <TextList
                label={t("performers")}
                hint={t("performersHint")}
                value={field.value ?? []}
                onChange={field.onChange}
                errors={err("performers")}
              />
            )}
          />
          <Controller
            control={form.control}
            name="coPerformerPhones"
            render={({ field }) => (
              <PhoneList value={field.value ?? []} onChange={field.onChange} errors={err("coPerformerPhones")} />
            )}
          />
        </>
      )}
      <Field
        label={t("minutes")}
        hint={t("minutesHint", { max: actMaxMinutes })}
        type="number"
        inputMode="numeric"
        min={1}
        max={actMaxMinutes}
        className="max-w-48"
        errors={err("minutes")}
        {...form.register("minutes", { valueAsNumber: true })}
      />
      <Controller
        control={form.control}
        name="stageNeeds"
        render={({ field }) => (
          <ChoiceGroup
            multiple
            legend={t("stageNeeds")}
            value={field.value ?? []}
            onChange={field.onChange}
            errors={err("stageNeeds")}
            choices={STAGE_NEEDS.map((s) => ({ value: s, label: t(`needs.${s}`) }))}
          />
        )}
      />
      {needs.includes("other") && (
        <Field
          label={t("stageNeedsOther")}
          autoComplete="off"
          errors={err("stageNeedsOther")}
          {...form.register("stageNeedsOther")}
        />
      )}
      <Controller
        control={form.control}
        name="preferredTime"
        render={({ field }) => (
          <ChoiceGroup
            legend={t("preferredTime")}
            value={field.value}
            onChange={field.onChange}
            errors={err("preferredTime")}
            columns={4}
            choices={TIMES_OF_DAY.map((s) => ({ value: s, label: t(`times.${s}`) }))}
          />
        )}
      />
    </>
  );
}

function AthleteFields({ form, err, teams }: { form: FormApi; err: Err; teams: string[] }) {
  const t = useTranslations("register");
  const teamAction = useWatch({ control: form.control, name: "teamAction" });
  return (
    <>
      <Controller
        control={form.control}
        name="ageGroup"
        render={({ field }) => (
          <ChoiceGroup
            legend={t("ageGroup")}
            value={field.value}
            onChange={field.onChange}
            errors={err("ageGroup")}
            columns={2}
            choices={AGE_GROUPS.map((a) => ({ value: a, label: t(`ageGroups.${a}`) }))}
          />
        )}
      />
      <Controller
        control={form.control}
        name="teamAction"
        render={({ field }) => (
          <ChoiceGroup
            legend={t("team")}
            hint={t("teamHint")}
            value={field.value}
            onChange={(v) => {
              field.onChange(v);
              form.setValue("team", "");
            }}
            columns={1}
            choices={[
              { value: "none", label: t("teamNone") },
              { value: "create", label: t("teamCreate") },
              {
                value: "join",
                label: t("teamJoin"),
                hint: teams.length ? t("teamJoinHint", { count: teams.length }) : t("teamJoinNone"),
                disabled: teams.length === 0,
              },
            ]}
          />
        )}
      />
      {teamAction === "create" && (
        <Field
          label={t("teamName")}
          autoComplete="off"
          className="max-w-md"
          errors={err("team")}
          {...form.register("team")}
        />
      )}
      {teamAction === "join" && (
        <Controller
          control={form.control}
          name="team"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("teamPick")}
              value={field.value}
              onChange={field.onChange}
              errors={err("team")}
              choices={teams.map((name) => ({ value: name, label: name }))}
            />
          )}
        />
      )}
      <fieldset className="flex flex-col gap-4 rounded-xl border border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t("emergency")}</legend>
        <Field
          label={t("emergencyName")}
          autoComplete="off"
          errors={err("emergencyName")}
          {...form.register("emergencyName")}
        />
        <Field
          label={t("emergencyPhone")}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          errors={err("emergencyPhone")}
          {...form.register("emergencyPhone")}
        />
      </fieldset>
      <Check
        label={t("health")}
        hint={t("healthHint")}
        errors={err("healthDeclaration")}
        {...form.register("healthDeclaration")}
      />
    </>
  );
}

/** A large checkbox with its label, hint and translated errors. */
function Check({
  label,
  hint,
  errors,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; errors?: string[] }) {
  const errorText = useFieldErrorText();
  return (
    <div className="flex flex-col gap-1">
      <label
        className={`flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 bg-white px-4 py-3 text-lg ${errors?.length ? "border-red-brand" : "border-stone-400"}`}
      >
        <input
          type="checkbox"
          className="mt-1 size-6 shrink-0 accent-red-brand"
          aria-invalid={errors?.length ? true : undefined}
          {...input}
        />
        <span className="flex flex-col gap-0.5">
          <span className="font-semibold">{label}</span>
          {hint && <span className="text-base text-muted">{hint}</span>}
        </span>
      </label>
      {errors?.length ? (
        <p role="alert" className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      ) : null}
    </div>
  );
}

/** Names, one per line (also split at commas), as a list. */
function TextList({
  label,
  hint,
  value,
  onChange,
  errors,
}: {
  label: string;
  hint: string;
  value: string[];
  onChange: (v: string[]) => void;
  errors?: string[];
}) {
  const errorText = useFieldErrorText();
  const [text, setText] = useState(value.join("\n"));
  return (
    <div className="flex flex-col gap-1.5">
      <label className="flex flex-col gap-1.5">
        <span className="text-lg font-semibold">{label}</span>
        <span className="text-base text-muted">{hint}</span>
        <textarea
          rows={4}
          value={text}
          aria-invalid={errors?.length ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange(
              e.target.value
                .split(/[\n,\uFF0C\u3001;\uFF1B]+/)
                .map((s) => s.trim())
                .filter(Boolean),
            );
          }}
          className={`w-full rounded-xl border-2 bg-white px-4 py-3 text-lg ${errors?.length ? "border-red-brand" : "border-stone-400"}`}
        />
      </label>
      {errors?.length ? <p className="text-base font-semibold text-red-deep">{errorText(errors)}</p> : null}
    </div>
  );
}

/** Mobile numbers of co-performers who have accounts: one box each, add and remove. */
function PhoneList({
  value,
  onChange,
  errors,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  errors?: string[];
}) {
  const t = useTranslations("register");
  const errorText = useFieldErrorText();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-lg font-semibold">{t("coPerformers")}</legend>
      <p className="-mt-1 text-base text-muted">{t("coPerformersHint")}</p>
      {value.map((phone, i) => (
        <div key={i} className="flex gap-2">
          <input
            type="tel"
            inputMode="numeric"
            aria-label={t("coPerformerPhone", { n: i + 1 })}
            value={phone}
            onChange={(e) => onChange(value.map((p, j) => (j === i ? e.target.value : p)))}
            aria-invalid={errors?.length ? true : undefined}
            className={`min-h-12 w-full min-w-0 rounded-xl border-2 bg-white px-4 text-lg ${errors?.length ? "border-red-brand" : "border-stone-400"}`}
          />
          <button
            type="button"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            className={buttonClass("secondary", "md", "shrink-0")}
          >
            {t("remove")}
          </button>
        </div>
      ))}
      {value.length < 10 && (
        <button
          type="button"
          onClick={() => onChange([...value, ""])}
          className={buttonClass("secondary", "md", "self-start")}
        >
          {t("addCoPerformer")}
        </button>
      )}
      {errors?.length ? <p className="text-base font-semibold text-red-deep">{errorText(errors)}</p> : null}
    </fieldset>
  );
}

function Done({
  outcome,
  doneHref,
  anotherHref,
  atDesk,
}: {
  outcome: Outcome;
  doneHref: string;
  anotherHref: string;
  atDesk: boolean;
}) {
  const t = useTranslations("register");
  return (
    <div className="flex flex-col gap-5">
      {outcome.kind === "saved" ? (
        <Alert tone="success">{t("saved")}</Alert>
      ) : outcome.status === "confirmed" ? (
        <Alert tone="success">
          <strong className="block text-2xl">{t("doneConfirmed")}</strong>
          {t("doneConfirmedText")}
        </Alert>
      ) : (
        <Alert tone="info">
          <strong className="block text-2xl">{t("doneWaitlisted", { position: outcome.position ?? 0 })}</strong>
          {t("doneWaitlistedText")}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Link href={doneHref} className={buttonClass("primary", "lg")}>
          {atDesk ? t("backToCard") : t("toMe")}
        </Link>
        <Link href={anotherHref} className={buttonClass("secondary", "lg")}>
          {t("another")}
        </Link>
      </div>
    </div>
  );
}
