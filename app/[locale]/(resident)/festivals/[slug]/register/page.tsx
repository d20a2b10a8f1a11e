import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { REGISTRATION_ROLES } from "@/vocabulary/registrations";
import { getActor } from "@/lib/auth/session";
import { getFormFestival, listMyFestivalRegistrations, listRolePlaces } from "@/lib/registrations/form-queries";
import { RolePicture } from "@/components/registrations/role-picture";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("register");
  const f = await getFormFestival(await getDb(), (await params).slug);
  return { title: f ? t("chooseTitle", { festival: f.title }) : t("title") };
}

/** Step one: choose how to take part. Each role has its own form; a person may take several. */
export default async function ChooseRolePage({ params }: { params: Params }) {
  const { slug } = await params;
  const db = await getDb();
  const festival = await getFormFestival(db, slug);
  if (!festival) notFound();
  const actor = await getActor();
  const [places, mine] = await Promise.all([
    listRolePlaces(db, slug),
    actor ? listMyFestivalRegistrations(db, actor.id, slug) : [],
  ]);
  const t = await getTranslations("register");
  const tr = await getTranslations("myRegistrations");
  const format = await getFormatter();
  const moment = (d: Date) =>
    format.dateTime(d, {
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: festival.timeZone,
    });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="text-lg font-semibold text-muted">{festival.title}</p>
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      </div>
      {festival.window === "open" && festival.closesAt && (
        <Alert tone="info">{t("openUntil", { end: moment(festival.closesAt) })}</Alert>
      )}
      {festival.window === "soon" && (
        <Alert tone="info">{festival.opensAt ? t("opensAt", { start: moment(festival.opensAt) }) : t("notYet")}</Alert>
      )}
      {festival.window === "closed" && <Alert tone="error">{t("closed")}</Alert>}
      <p className="text-lg">{t("chooseIntro")}</p>
      <ul className="flex flex-col gap-4">
        {REGISTRATION_ROLES.map((role) => {
          const left = places.find((p) => p.role === role)?.left ?? null;
          const held = mine.filter((r) => r.role === role);
          return (
            // The picture sits beside the words while there is room for both, above them when the text is large.
            <li key={role} className="@container">
              <Link
                href={`/festivals/${slug}/register/${role}`}
                className="flex flex-col items-start gap-4 rounded-[var(--radius-card)] border-2 border-line bg-white p-[16px] text-ink no-underline shadow-sm hover:border-red-brand @min-[18rem]:flex-row @min-[18rem]:items-center sm:p-5"
              >
                <RolePicture role={role} className="size-20 sm:size-24" />
                <span className="flex min-w-0 flex-col gap-1">
                  <span className="text-2xl font-bold text-red-deep">{tr(`roleLabel.${role}`)}</span>
                  <span className="text-lg">{t(`roleText.${role}`)}</span>
                  <span className="flex flex-wrap gap-2">
                    {held.length > 0 && <Badge tone="green">{t("youHold", { count: held.length })}</Badge>}
                    {left !== null &&
                      (left > 0 ? (
                        <Badge tone="gold">{t("rolePlacesLeft", { count: left })}</Badge>
                      ) : (
                        <Badge tone="red">{t("roleFull")}</Badge>
                      ))}
                  </span>
                </span>
                <span aria-hidden="true" className="ml-auto hidden text-3xl text-red-brand @min-[18rem]:block">
                  ›
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {!actor && (
        <Alert tone="info">
          {t("signInFirst")}{" "}
          <Link
            href={`/sign-in?callbackUrl=/festivals/${slug}/register`}
            className={buttonClass("primary", "md", "mt-2")}
          >
            {t("signIn")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
