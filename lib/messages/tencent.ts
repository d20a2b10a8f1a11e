import "server-only";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import {
  PARAM_ORDER,
  failureText,
  type ProviderTemplates,
  type SmsMessage,
  type SmsProvider,
  type SmsResult,
} from "./sms";

export interface TencentSettings extends ProviderTemplates {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  region: string;
  /** https://sms.tencentcloudapi.com, or a local server in the tests. */
  endpoint: string;
}

/**
 * Tencent Cloud SMS (API 2021-01-11 SendSms). The number goes in E.164 (+86…), the values as a
 * list in the template's order ({1}, {2}). Tencent answers per number: only "Ok" means sent.
 */
export function tencentProvider(settings: TencentSettings): SmsProvider {
  const url = new URL(settings.endpoint);
  const client = new sms.v20210111.Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: {
      httpProfile: { endpoint: url.host, protocol: `${url.protocol}//`, reqTimeout: 10 },
    },
  });
  return {
    name: "tencent",
    async send(message: SmsMessage): Promise<SmsResult> {
      try {
        const res = await client.SendSms({
          SmsSdkAppId: settings.sdkAppId,
          SignName: settings.signName,
          TemplateId: settings.templates[message.template],
          TemplateParamSet: PARAM_ORDER[message.template].map((k) => message.params[k] ?? ""),
          // Returned with Tencent's receipt, naming the delivery it belongs to.
          ...(message.deliveryId ? { SessionContext: message.deliveryId } : {}),
          PhoneNumberSet: [`+86${message.to}`],
        });
        const status = res.SendStatusSet?.[0];
        if (status?.Code === "Ok") return { ok: true, id: status.SerialNo ?? null };
        return { ok: false, error: `${status?.Code ?? "no answer"}: ${status?.Message ?? ""}`.trim() };
      } catch (e) {
        return { ok: false, error: failureText(e) };
      }
    },
  };
}
