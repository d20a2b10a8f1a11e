import "server-only";
import type { DbOrTx } from "@/db/types";
import { env, type Env } from "@/env";
import { aliyunProvider } from "./aliyun";
import { outboxProvider } from "./outbox";
import type { ProviderTemplates, SmsProvider } from "./sms";
import { tencentProvider } from "./tencent";

const templatesOf = (e: Env): ProviderTemplates => ({
  signName: e.SMS_SIGN_NAME!,
  templates: {
    signup_code: e.SMS_TEMPLATE_SIGNUP_CODE!,
    signup_existing: e.SMS_TEMPLATE_SIGNUP_EXISTING!,
    reset_code: e.SMS_TEMPLATE_RESET_CODE!,
    reset_no_account: e.SMS_TEMPLATE_RESET_NO_ACCOUNT!,
    phone_change_code: e.SMS_TEMPLATE_PHONE_CHANGE_CODE!,
    waitlist_promoted: e.SMS_TEMPLATE_WAITLIST_PROMOTED!,
    claim_lapsing: e.SMS_TEMPLATE_CLAIM_LAPSING!,
    claim_lapsed: e.SMS_TEMPLATE_CLAIM_LAPSED!,
    shift_reminder: e.SMS_TEMPLATE_SHIFT_REMINDER!,
    item_reminder: e.SMS_TEMPLATE_ITEM_REMINDER!,
    match_reminder: e.SMS_TEMPLATE_MATCH_REMINDER!,
    slot_moved: e.SMS_TEMPLATE_SLOT_MOVED!,
    voting_opens: e.SMS_TEMPLATE_VOTING_OPENS!,
    voting_closes: e.SMS_TEMPLATE_VOTING_CLOSES!,
    broadcast: e.SMS_TEMPLATE_BROADCAST!,
  },
});

/** The provider SMS_PROVIDER names (the outbox when unset), configured from the environment. */
export function smsProviderFrom(db: DbOrTx, e: Env = env): SmsProvider {
  switch (e.SMS_PROVIDER) {
    case "aliyun":
      return aliyunProvider({
        ...templatesOf(e),
        accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID!,
        accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET!,
        endpoint: e.ALIYUN_SMS_ENDPOINT,
      });
    case "tencent":
      return tencentProvider({
        ...templatesOf(e),
        secretId: e.TENCENT_SMS_SECRET_ID!,
        secretKey: e.TENCENT_SMS_SECRET_KEY!,
        sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
        region: e.TENCENT_SMS_REGION,
        endpoint: e.TENCENT_SMS_ENDPOINT,
      });
    default:
      return outboxProvider(db);
  }
}
