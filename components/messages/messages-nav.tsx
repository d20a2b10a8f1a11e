import Link from "next/link";
import { getTranslations } from "next-intl/server";

const VIEWS = [
  { key: "send", href: "/dashboard/messages" },
  { key: "log", href: "/dashboard/messages/log" },
  { key: "outbox", href: "/dashboard/messages/outbox" },
] as const;

/** The three pages of messages: writing to a group, the delivery log, the text messages kept. */
export async function MessagesNav({ current }: { current: (typeof VIEWS)[number]["key"] }) {
  const t = await getTranslations("messagesNav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {VIEWS.map((v) => (
          <li key={v.key}>
            <Link
              href={v.href}
              aria-current={v.key === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-full border-2 px-4 text-base font-semibold ${v.key === current ? "border-red-brand bg-red-brand text-white" : "border-line bg-white text-ink hover:bg-gold-soft"}`}
            >
              {t(v.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
