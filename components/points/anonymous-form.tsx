"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { setPointsAnonymousAction } from "@/lib/points/actions";
import { initialActionState } from "@/lib/action-state";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Whether the leaderboard shows my name. Posts as a plain form, so it works before script loads. */
export function AnonymousForm({ anonymous }: { anonymous: boolean }) {
  const t = useTranslations("points");
  const [state, action] = useActionState(setPointsAnonymousAction, initialActionState);
  const [value, setValue] = useState(String(anonymous));
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage code={state.ok ? undefined : state.code} success={state.ok ? t("anonymousSaved") : undefined} />
      <ChoiceGroup
        name="anonymous"
        legend={t("anonymousTitle")}
        columns={1}
        value={value}
        onChange={setValue}
        choices={[
          { value: "false", label: t("anonymousShow") },
          { value: "true", label: t("anonymousHide") },
        ]}
      />
      <SubmitButton variant="secondary" className="self-start">
        {t("anonymousSave")}
      </SubmitButton>
    </form>
  );
}
