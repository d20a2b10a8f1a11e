"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveMessageSettingsAction } from "@/lib/messages/actions";
import { initialActionState } from "@/lib/action-state";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MESSAGE_TOPICS, type MessageTopic } from "@/vocabulary/messages";

/** Which topics also come by text message, and in which language. A plain form: works before script. */
export function SmsSettingsForm({ sms, locale }: { sms: Record<MessageTopic, boolean>; locale: string }) {
  const t = useTranslations("messageSettings");
  const [state, action] = useActionState(saveMessageSettingsAction, initialActionState);
  const [topics, setTopics] = useState<string[]>(MESSAGE_TOPICS.filter((k) => sms[k]));
  const [language, setLanguage] = useState(locale);
  return (
    <form action={action} className="mt-4 flex flex-col gap-5" noValidate>
      <FormMessage code={state.ok ? undefined : state.code} success={state.ok ? t("saved") : undefined} />
      <ChoiceGroup
        name="sms"
        multiple
        legend={t("topicsLegend")}
        columns={1}
        value={topics}
        onChange={setTopics}
        choices={MESSAGE_TOPICS.map((k) => ({ value: k, label: t(`topics.${k}`) }))}
      />
      <ChoiceGroup
        name="locale"
        legend={t("localeLegend")}
        columns={2}
        value={language}
        onChange={setLanguage}
        choices={[
          { value: "zh-CN", label: t("languages.zh") },
          { value: "en", label: t("languages.en") },
        ]}
      />
      <SubmitButton variant="secondary" className="self-start">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
