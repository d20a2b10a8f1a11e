import { getTranslations } from "next-intl/server";
import type { MyNomination } from "@/lib/stars/queries";
import { Badge, Card } from "@/components/ui/card";
import { photoUrl } from "./candidate-card";

const TONE = { pending: "gold", approved: "green", rejected: "red", declined: "grey", merged: "grey" } as const;

/** The nominations I made in this festival, with where each stands and why. */
export async function MyNominations({ items }: { items: MyNomination[] }) {
  const t = await getTranslations("stars");
  return (
    <Card aria-labelledby="my-nominations-title">
      <h2 id="my-nominations-title" className="text-2xl font-bold">
        {t("mine.title")}
      </h2>
      {items.length === 0 ? <p className="mt-2">{t("mine.none")}</p> : <NominationItems items={items} />}
    </Card>
  );
}

/** Each nomination I made: whom, in which category, where it stands, and a rejection's reason. */
export async function NominationItems({ items }: { items: MyNomination[] }) {
  const t = await getTranslations("stars");
  return (
    <ul className="mt-3 flex flex-col gap-3">
      {items.map((n) => (
        <li key={n.id} className="flex items-start gap-4 rounded-xl border border-line p-4">
          {n.photoId && (
            // The nominator may see their photo before it is approved: served privately.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={photoUrl(n.photoId)}
              alt={t("mine.photo")}
              className="size-20 shrink-0 rounded-lg border border-line object-cover"
            />
          )}
          <div className="flex min-w-0 flex-col gap-1">
            <p className="text-xl font-bold break-words">{n.nomineeName}</p>
            <p className="text-muted">{n.categoryName}</p>
            <p>
              <Badge tone={TONE[n.status as keyof typeof TONE] ?? "grey"}>
                {t(`status.${n.status}` as "status.pending")}
              </Badge>
            </p>
            {n.reason && n.status === "rejected" && <p>{t("mine.reason", { reason: n.reason })}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
