import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/ui/client-messages";
import type { MessageSettings } from "@/lib/messages/preferences";
import { SmsSettingsForm } from "./sms-settings-form";

/** My text messages: what comes by SMS besides the app, to which number, in which language. */
export async function SmsSettingsCard({ settings, quietHours }: { settings: MessageSettings; quietHours: string }) {
  const t = await getTranslations("messageSettings");
  const [from, to] = quietHours === "off" ? [null, null] : quietHours.split("-");
  return (
    <Card aria-labelledby="sms-settings-title">
      <h2 id="sms-settings-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2 text-lg">{t("intro", { phone: settings.phone })}</p>
      {from && to && <p className="mt-1 text-lg">{t("quietHours", { from, to })}</p>}
      <p className="mt-1 text-base text-muted">{t("codesNote")}</p>
      <ClientMessages namespaces={["messageSettings", "errors", "fieldErrors", "common"]}>
        <SmsSettingsForm sms={settings.sms} locale={settings.locale} />
      </ClientMessages>
    </Card>
  );
}
