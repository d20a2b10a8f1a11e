import { getTranslations } from "next-intl/server";
import type { PlacesOverview } from "@/lib/registrations/review-queries";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { CapacityForm } from "./capacity-form";

/** Places per role and per event, with their limits edited in place. */
export async function PlacesPanel({ slug, places }: { slug: string; places: PlacesOverview }) {
  const t = await getTranslations("review");
  const head = (first: string) => (
    <thead>
      <tr>
        <Th>{first}</Th>
        <Th>{t("places.capacity")}</Th>
        <Th className="text-right">{t("places.taken")}</Th>
        <Th className="text-right">{t("places.waiting")}</Th>
      </tr>
    </thead>
  );
  const numbers = (taken: number, waiting: number) => (
    <>
      <Td className="pt-4 text-right tabular-nums">{taken}</Td>
      <Td className={`pt-4 text-right tabular-nums ${waiting ? "font-bold text-gold-ink" : ""}`}>{waiting}</Td>
    </>
  );
  return (
    <Card aria-labelledby="places-title" className="flex flex-col gap-4">
      <div>
        <h2 id="places-title" className="text-2xl font-bold">
          {t("places.title")}
        </h2>
        <p className="text-base text-muted">{t("places.intro")}</p>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Table caption={t("places.byRole")}>
          {head(t("places.role"))}
          <tbody>
            {places.roles.map((r) => (
              <tr key={r.scope}>
                <Td className="min-w-24 pt-4 font-semibold whitespace-normal!">{t(`roles.${r.role}`)}</Td>
                <Td>
                  <CapacityForm slug={slug} scope={r.scope} capacity={r.capacity} name={t(`roles.${r.role}`)} />
                </Td>
                {numbers(r.taken, r.waiting)}
              </tr>
            ))}
          </tbody>
        </Table>
        {places.items.length === 0 ? (
          <p>{t("places.noItems")}</p>
        ) : (
          <Table caption={t("places.byItem")}>
            {head(t("places.item"))}
            <tbody>
              {places.items.map((i) => (
                <tr key={i.scope}>
                  <Td className="min-w-24 pt-4 font-semibold whitespace-normal!">{i.title}</Td>
                  <Td>
                    <CapacityForm slug={slug} scope={i.scope} capacity={i.capacity} name={i.title} />
                  </Td>
                  {numbers(i.taken, i.waiting)}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
