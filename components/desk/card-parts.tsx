import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DeskBallot, DeskRegistration } from "@/lib/desk/queries";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

/** A titled part of a desk card; its list, or a line saying there is nothing. */
export function CardSection({
  id,
  title,
  empty,
  note,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  note?: string;
  children?: React.ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} className="no-print">
      <h2 id={`${id}-title`} className="mb-2 text-2xl font-bold">
        {title}
      </h2>
      {note && <p className="mb-2 text-muted">{note}</p>}
      {empty ? <p className="text-lg">{empty}</p> : <ul className="flex flex-col gap-2 text-lg">{children}</ul>}
    </Card>
  );
}

export async function RegistrationList({ rows }: { rows: DeskRegistration[] }) {
  const t = await getTranslations("desk");
  return (
    <CardSection id="registrations" title={t("registrations")} empty={!rows.length && t("noRegistrations")}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2 border-b border-line pb-2">
          <span className="font-semibold">{r.festival}</span>
          <span>{t(`roleNames.${r.role}`)}</span>
          {r.item && <span>· {r.item}</span>}
          <span>· {r.participantName}</span>
          {r.memberId && <span className="text-muted">({t("forMember")})</span>}
          <Badge tone={r.status === "confirmed" ? "green" : r.status === "waitlisted" ? "gold" : "grey"}>
            {t(`statusNames.${r.status}`)}
          </Badge>
          {r.atDesk && <Badge tone="grey">{t("atDeskBadge")}</Badge>}
        </li>
      ))}
    </CardSection>
  );
}

export async function BallotList({ rows }: { rows: DeskBallot[] }) {
  const t = await getTranslations("desk");
  const format = await getFormatter();
  return (
    <CardSection id="ballots" title={t("ballots")} note={t("ballotsNote")} empty={!rows.length && t("noBallots")}>
      {rows.map((b, i) => (
        <li key={i} className="flex flex-wrap gap-2 border-b border-line pb-2">
          <span className="font-semibold">{b.category}</span>
          <span>· {b.festival}</span>
          <span>
            · {format.dateTime(b.castAt, { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" })}
          </span>
          <span>· {t(`channel.${b.channel}`)}</span>
        </li>
      ))}
    </CardSection>
  );
}

export function ActionLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className={buttonClass("secondary", "lg")}>
      {children}
    </Link>
  );
}
