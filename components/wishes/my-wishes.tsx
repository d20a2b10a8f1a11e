import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PointRule } from "@/vocabulary/points";
import { getRuleWords } from "@/components/ui/rule-words";
import type { MyLiveClaim, MyOwnWish, MyPastClaim } from "@/lib/wishes/queries";
import { withdrawClaimAction } from "@/lib/wishes/actions";
import { ClientMessages } from "@/components/ui/client-messages";
import { buttonClass } from "@/components/ui/button";
import { SamePageLink } from "@/components/ui/same-page-link";
import { Badge, Card } from "@/components/ui/card";
import { FulfilForm } from "./fulfil-form";
import { PostButton } from "./post-button";
import { wishPhotoUrl } from "./wish-card";
import { hoursAndMinutes } from "./time";
import { hoursOf } from "@/lib/hours/format";

const dayFormat = { year: "numeric", month: "long", day: "numeric" } as const;

/** A wish I hold: the contact, the date it must be done by, "it came true", and letting it go. */
export async function LiveClaim({
  claim,
  confirmWithdraw,
  pointRule,
}: {
  claim: MyLiveClaim;
  confirmWithdraw: boolean;
  /** What a fulfilled wish earns now. */
  pointRule: PointRule;
}) {
  const t = await getTranslations("myWishes");
  const words = await getRuleWords();
  const tw = await getTranslations("wishes");
  const format = await getFormatter();
  const c = claim.contact;
  return (
    <li
      id={`claim-${claim.id}`}
      className="flex scroll-mt-4 flex-col gap-4 rounded-[var(--radius-card)] border-2 border-gold bg-white p-[16px] shadow-sm sm:p-6"
    >
      <div className="flex flex-col gap-1">
        <p className="text-lg font-semibold break-words text-gold-ink">{claim.alias}</p>
        <h3 className="text-2xl font-bold break-words text-red-deep">
          <Link href={`/wishes/${claim.wishId}`} className="underline underline-offset-4">
            {claim.title}
          </Link>
        </h3>
        <p className="flex flex-wrap gap-2">
          <Badge tone="gold">{tw(`category.${claim.category}`)}</Badge>
          <Badge tone="grey">{tw("value", { value: claim.value })}</Badge>
        </p>
      </div>
      {claim.status === "active" ? (
        <p className="text-xl font-bold">{t("holdUntil", { date: format.dateTime(claim.lapsesAt, dayFormat) })}</p>
      ) : (
        <p className="rounded-xl bg-green-soft px-4 py-3 text-lg font-semibold text-green-ink">{t("waiting")}</p>
      )}
      {c && (
        // A plain block, not a landmark: a volunteer holding several wishes would have several alike.
        <div className="@container -mx-1 rounded-xl bg-gold-soft px-[12px] py-3 sm:mx-0 sm:px-4">
          <h4 className="text-xl font-bold">{t("contactTitle")}</h4>
          <dl className="mt-2 grid gap-x-4 gap-y-2 text-lg @min-[16rem]:grid-cols-[auto_1fr]">
            <dt className="text-muted">{t("name")}</dt>
            <dd className="font-semibold break-words">{c.realName}</dd>
            <dt className="text-muted">{t("phone")}</dt>
            <dd>
              {c.phone ? (
                <a
                  href={`tel:${c.phone}`}
                  className={buttonClass("secondary", "md", "tabular-nums")}
                  aria-label={t("call", { phone: c.phone })}
                >
                  {c.phone}
                </a>
              ) : (
                t("noPhone")
              )}
            </dd>
            <dt className="text-muted">{t("address")}</dt>
            <dd className="break-words">{c.household ? t("household", c.household) : c.address || t("noAddress")}</dd>
          </dl>
          <p className="mt-2 text-base text-muted">{t("contactPrivate")}</p>
        </div>
      )}
      {claim.status === "fulfilled" && claim.note && (
        <p className="text-lg break-words">{t("yourNote", { note: claim.note })}</p>
      )}
      {claim.status === "fulfilled" && claim.declaredMinutes !== null && (
        <p className="text-lg">
          {t("yourTime", {
            time: claim.declaredMinutes ? tw("time", hoursAndMinutes(claim.declaredMinutes)) : tw("noTime"),
          })}
        </p>
      )}
      {claim.status === "fulfilled" && claim.photoId && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={wishPhotoUrl(claim.photoId)}
          alt={tw("fulfilPhotoAlt", { title: claim.title })}
          loading="lazy"
          className="aspect-[4/3] w-full max-w-sm rounded-xl border border-line object-cover"
        />
      )}
      {claim.status === "active" && (
        <>
          <ClientMessages namespaces={["common", "errors", "fieldErrors", "wishes", "myWishes"]}>
            <FulfilForm claimId={claim.id} rule={words(pointRule)} />
          </ClientMessages>
          {confirmWithdraw ? (
            <section
              aria-labelledby={`withdraw-${claim.id}`}
              className="flex flex-col gap-3 rounded-xl border-2 border-red-deep bg-red-soft p-4"
            >
              <h4 id={`withdraw-${claim.id}`} className="text-xl font-bold text-red-deep">
                {t("withdrawTitle")}
              </h4>
              <p className="text-lg">{t("withdrawText")}</p>
              <div className="flex flex-wrap gap-3">
                <ClientMessages namespaces={["common", "errors"]}>
                  <PostButton
                    action={withdrawClaimAction}
                    name="claimId"
                    value={claim.id}
                    label={t("withdrawYes")}
                    variant="danger"
                  />
                </ClientMessages>
                <SamePageLink href={`/me/wishes#claim-${claim.id}`} className={buttonClass("secondary", "lg")}>
                  {t("withdrawNo")}
                </SamePageLink>
              </div>
            </section>
          ) : (
            <SamePageLink
              href={`/me/wishes?withdraw=${claim.id}#withdraw-${claim.id}`}
              className={buttonClass("ghost", "md", "self-start underline")}
            >
              {t("withdraw")}
            </SamePageLink>
          )}
        </>
      )}
    </li>
  );
}

/** Claims that ended: confirmed (with the points), let go, or out of time. */
export async function PastClaims({ items }: { items: MyPastClaim[] }) {
  const t = await getTranslations("myWishes");
  const format = await getFormatter();
  const tone = {
    confirmed: "bg-green-soft text-green-ink border-green-ink/30",
    withdrawn: "bg-stone-100 text-stone-700 border-stone-300",
    lapsed: "bg-gold-soft text-gold-ink border-gold/40",
  } as const;
  return (
    <Card aria-labelledby="past-title">
      <h2 id="past-title" className="text-2xl font-bold">
        {t("pastTitle")}
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {items.map((c) => (
          <li key={c.id} className="flex flex-col gap-1 rounded-xl border border-line p-4 text-lg">
            <p className="font-bold break-words">
              {c.title} <span className="font-normal text-muted">· {c.alias}</span>
            </p>
            <p className="flex flex-wrap items-center gap-2">
              {/* Longer than a badge's few words: it wraps on a narrow phone. */}
              <span
                className={`max-w-full min-w-0 rounded-xl border px-3 py-0.5 text-base font-semibold ${tone[c.status]}`}
              >
                {t(`past.${c.status}`, { points: c.points })}
              </span>
              {c.endedAt && (
                <span className="text-base text-muted">
                  {t("endedOn", { date: format.dateTime(c.endedAt, dayFormat) })}
                </span>
              )}
            </p>
            {c.status === "confirmed" && !!c.confirmedMinutes && (
              <p className="text-base">
                {t("pastHours", { hours: hoursOf(c.confirmedMinutes) })}{" "}
                <Link href="/me/hours" className="font-semibold text-red-deep underline underline-offset-4">
                  {t("toHours")}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The wishes I asked for myself: where each stands, the organisers' reason, and editing one sent back. */
export async function MyOwnWishes({ items }: { items: MyOwnWish[] }) {
  const t = await getTranslations("myWishes");
  const tw = await getTranslations("wishes");
  const tone = {
    pending: "gold",
    changes: "red",
    rejected: "grey",
    open: "gold",
    claimed: "gold",
    fulfilled: "green",
    done: "green",
  } as const;
  return (
    <Card aria-labelledby="own-title">
      <h2 id="own-title" className="text-2xl font-bold">
        {t("ownTitle")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-lg">{t("noOwn")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {items.map((w) => (
            <li key={w.id} className="flex flex-col gap-2 rounded-xl border border-line p-4 text-lg">
              <p className="text-xl font-bold break-words">{w.title}</p>
              <p>
                <Badge tone={tone[w.status]}>{tw(`status.${w.status}`)}</Badge>
              </p>
              {w.reason && ["changes", "rejected"].includes(w.status) && (
                <p className="break-words">{tw("detail.reason", { reason: w.reason })}</p>
              )}
              <div className="flex flex-wrap gap-3">
                {w.editable && (
                  <Link
                    href={`/wishes/${w.id}/edit`}
                    className={buttonClass(w.status === "changes" ? "primary" : "secondary", "md")}
                  >
                    {tw("detail.edit")}
                  </Link>
                )}
                <Link
                  href={`/wishes/${w.id}`}
                  className={buttonClass("ghost", "md", "underline")}
                  aria-label={t("viewNamed", { title: w.title })}
                >
                  {t("view")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link href="/wishes/new" className={buttonClass("secondary", "md", "mt-4")}>
        {t("ask")}
      </Link>
    </Card>
  );
}
