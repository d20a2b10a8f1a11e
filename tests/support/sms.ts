import type { SmsMessage, SmsProvider } from "@/lib/messages/sms";

/** A provider that keeps what it was asked to send, for a test to read the code from. */
export function capturingSms() {
  const sent: SmsMessage[] = [];
  const provider: SmsProvider = {
    name: "outbox",
    send: async (m) => {
      sent.push(m);
      return { ok: true, id: null };
    },
  };
  const last = (phone: string) => sent.filter((m) => m.to === phone).at(-1);
  return { sent, provider, last, codeOf: (phone: string) => last(phone)?.params.code };
}
