import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { envFrom } from "@/env";
import { aliyunProvider } from "./aliyun";
import { tencentProvider } from "./tencent";
import { smsProviderFrom } from "./providers";
import type { ProviderTemplates } from "./sms";

// No network here: each SDK talks to a server on 127.0.0.1 that records what it was sent and
// answers the way the provider does (documented response shapes of SendSms).
interface Seen {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: new URL(req.url!, "http://x"), headers: req.headers, body });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

const templates: ProviderTemplates = {
  signName: "邻里",
  templates: {
    signup_code: "SMS_100001",
    signup_existing: "SMS_100002",
    reset_code: "SMS_100003",
    reset_no_account: "SMS_100004",
    phone_change_code: "SMS_100005",
    waitlist_promoted: "SMS_100006",
    claim_lapsing: "SMS_100007",
    claim_lapsed: "SMS_100008",
    shift_reminder: "SMS_100009",
    item_reminder: "SMS_100010",
    match_reminder: "SMS_100015",
    slot_moved: "SMS_100011",
    voting_opens: "SMS_100012",
    voting_closes: "SMS_100013",
    broadcast: "SMS_100014",
  },
};
const message = {
  to: "13912345678",
  template: "signup_code" as const,
  params: { code: "428193", minutes: "10" },
  locale: "zh-CN" as const,
};

describe("Aliyun SMS", () => {
  const provider = () =>
    aliyunProvider({ ...templates, accessKeyId: "LTAI-test", accessKeySecret: "secret", endpoint: base });

  it("sends SendSms with the number, sign name, template code and values, signed with the key", async () => {
    answer = { status: 200, body: { Code: "OK", Message: "OK", BizId: "900619746936498440^0", RequestId: "r1" } };
    const result = await provider().send(message);
    expect(result).toEqual({ ok: true, id: "900619746936498440^0" });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req.method).toBe("POST");
    const query = Object.fromEntries(req.url.searchParams);
    expect(query).toMatchObject({
      PhoneNumbers: "13912345678",
      SignName: "邻里",
      TemplateCode: "SMS_100001",
    });
    expect(JSON.parse(query.TemplateParam)).toEqual({ code: "428193", minutes: "10" });
    expect(req.headers["x-acs-action"]).toBe("SendSms");
    expect(req.headers["x-acs-version"]).toBe("2017-05-25");
    expect(String(req.headers.authorization)).toContain("LTAI-test");
  });

  it("a refusal (HTTP 200 with another code) is a failure, not a throw", async () => {
    answer = {
      status: 200,
      body: { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发号码天级流控", RequestId: "r2" },
    };
    expect(await provider().send(message)).toEqual({
      ok: false,
      error: "isv.BUSINESS_LIMIT_CONTROL: 触发号码天级流控",
    });
  });

  it("an HTTP error is a failure, not a throw", async () => {
    answer = {
      status: 400,
      body: { Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found.", RequestId: "r3" },
    };
    const result = await provider().send(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("InvalidAccessKeyId.NotFound");
  });

  it("no server is a failure, not a throw", async () => {
    const result = await aliyunProvider({
      ...templates,
      accessKeyId: "a",
      accessKeySecret: "b",
      endpoint: "http://127.0.0.1:9",
    }).send(message);
    expect(result.ok).toBe(false);
  });
});

describe("Tencent Cloud SMS", () => {
  const provider = () =>
    tencentProvider({
      ...templates,
      secretId: "AKID-test",
      secretKey: "secret",
      sdkAppId: "1400787878",
      region: "ap-guangzhou",
      endpoint: base,
    });

  it("sends SendSms with the number in E.164, app id, sign name, template id and values in order", async () => {
    answer = {
      status: 200,
      body: {
        Response: {
          SendStatusSet: [
            {
              SerialNo: "5000:1045710669157053657849499619",
              PhoneNumber: "+8613912345678",
              Fee: 1,
              SessionContext: "",
              Code: "Ok",
              Message: "send success",
              IsoCode: "CN",
            },
          ],
          RequestId: "a0aabda6-cf91-4f3e-a81f-9198114a2279",
        },
      },
    };
    const result = await provider().send(message);
    expect(result).toEqual({ ok: true, id: "5000:1045710669157053657849499619" });
    const [req] = seen;
    expect(req.method).toBe("POST");
    expect(req.headers["x-tc-action"]).toBe("SendSms");
    expect(req.headers["x-tc-version"]).toBe("2021-01-11");
    expect(req.headers["x-tc-region"]).toBe("ap-guangzhou");
    expect(String(req.headers.authorization)).toContain("AKID-test");
    expect(JSON.parse(req.body)).toEqual({
      SmsSdkAppId: "1400787878",
      SignName: "邻里",
      TemplateId: "SMS_100001",
      TemplateParamSet: ["428193", "10"],
      PhoneNumberSet: ["+8613912345678"],
    });
  });

  it("a number refused inside a 200 answer is a failure", async () => {
    answer = {
      status: 200,
      body: {
        Response: {
          SendStatusSet: [
            {
              SerialNo: "",
              PhoneNumber: "+8613912345678",
              Code: "LimitExceeded.PhoneNumberDailyLimit",
              Message: "daily limit",
            },
          ],
          RequestId: "r",
        },
      },
    };
    expect(await provider().send(message)).toEqual({
      ok: false,
      error: "LimitExceeded.PhoneNumberDailyLimit: daily limit",
    });
  });

  it("an API error is a failure, not a throw", async () => {
    answer = {
      status: 200,
      body: { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "bad signature" }, RequestId: "r" } },
    };
    const result = await provider().send(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("bad signature");
  });
});

describe("the provider is chosen by the environment", () => {
  it("the outbox when nothing is configured", () => {
    expect(smsProviderFrom({} as never, envFrom({})).name).toBe("outbox");
  });

  it("Aliyun or Tencent with their settings; a missing key is named", () => {
    const common = {
      SMS_SIGN_NAME: "邻里",
      SMS_TEMPLATE_SIGNUP_CODE: "1",
      SMS_TEMPLATE_SIGNUP_EXISTING: "2",
      SMS_TEMPLATE_RESET_CODE: "3",
      SMS_TEMPLATE_RESET_NO_ACCOUNT: "4",
      SMS_TEMPLATE_PHONE_CHANGE_CODE: "5",
      SMS_TEMPLATE_WAITLIST_PROMOTED: "6",
      SMS_TEMPLATE_CLAIM_LAPSING: "7",
      SMS_TEMPLATE_CLAIM_LAPSED: "8",
      SMS_TEMPLATE_SHIFT_REMINDER: "9",
      SMS_TEMPLATE_ITEM_REMINDER: "10",
      SMS_TEMPLATE_MATCH_REMINDER: "15",
      SMS_TEMPLATE_SLOT_MOVED: "11",
      SMS_TEMPLATE_VOTING_OPENS: "12",
      SMS_TEMPLATE_VOTING_CLOSES: "13",
      SMS_TEMPLATE_BROADCAST: "14",
    };
    const aliyun = {
      ...common,
      SMS_PROVIDER: "aliyun",
      ALIYUN_SMS_ACCESS_KEY_ID: "a",
      ALIYUN_SMS_ACCESS_KEY_SECRET: "b",
    };
    expect(smsProviderFrom({} as never, envFrom(aliyun)).name).toBe("aliyun");
    const tencent = {
      ...common,
      SMS_PROVIDER: "tencent",
      TENCENT_SMS_SECRET_ID: "a",
      TENCENT_SMS_SECRET_KEY: "b",
      TENCENT_SMS_SDK_APP_ID: "1400000000",
    };
    expect(smsProviderFrom({} as never, envFrom(tencent)).name).toBe("tencent");
    expect(() => smsProviderFrom({} as never, envFrom({ ...common, SMS_PROVIDER: "aliyun" }))).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_ID must be set with SMS_PROVIDER=aliyun/,
    );
  });
});
