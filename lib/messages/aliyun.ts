import "server-only";
import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { failureText, type ProviderTemplates, type SmsMessage, type SmsProvider, type SmsResult } from "./sms";

export interface AliyunSettings extends ProviderTemplates {
  accessKeyId: string;
  accessKeySecret: string;
  /** https://dysmsapi.aliyuncs.com, or a local server in the tests. */
  endpoint: string;
}

/**
 * Aliyun SMS (短信服务, API 2017-05-25 SendSms). The number goes as 11 digits, the values as a
 * JSON object under the names the approved template uses. Aliyun answers Code "OK" when it took
 * the message; any other code, an HTTP error or no answer is a failure the caller sees.
 */
export function aliyunProvider(settings: AliyunSettings): SmsProvider {
  const url = new URL(settings.endpoint);
  const client = new Dysmsapi(
    new $OpenApiUtil.Config({
      accessKeyId: settings.accessKeyId,
      accessKeySecret: settings.accessKeySecret,
      endpoint: url.host,
      protocol: url.protocol === "http:" ? "HTTP" : "HTTPS",
      connectTimeout: 5_000,
      readTimeout: 10_000,
    }),
  );
  return {
    name: "aliyun",
    async send(message: SmsMessage): Promise<SmsResult> {
      try {
        const res = await client.sendSms(
          new SendSmsRequest({
            phoneNumbers: message.to,
            signName: settings.signName,
            templateCode: settings.templates[message.template],
            templateParam: JSON.stringify(message.params),
            // Comes back in Aliyun's delivery receipt, naming the delivery it belongs to.
            ...(message.deliveryId ? { outId: message.deliveryId } : {}),
          }),
        );
        const body = res.body;
        if (body?.code === "OK") return { ok: true, id: body.bizId ?? null };
        return { ok: false, error: `${body?.code ?? "no answer"}: ${body?.message ?? ""}`.trim() };
      } catch (e) {
        return { ok: false, error: failureText(e) };
      }
    },
  };
}
