import type { EntrantView } from "@/lib/competitions/queries";
import { Badge } from "@/components/ui/card";
import type { CompetitionsT } from "./score";

/** Who plays: by draw number once drawn; a pair's or team's members' names when they differ from its name. */
export function EntrantsList({ entrants, t }: { entrants: EntrantView[]; t: CompetitionsT }) {
  if (entrants.length === 0) return <p className="text-lg">{t("noEntrants")}</p>;
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {entrants.map((e) => {
        // A pair named "A / B" already says who plays; a team's name does not.
        const members = e.members.every((m) => e.name.includes(m)) ? [] : e.members;
        return (
          <li key={e.id} className="flex flex-col gap-1 rounded-xl border border-line bg-white px-4 py-3">
            <span className="flex flex-wrap items-center gap-2 text-lg">
              {e.seed !== null && <span className="text-base text-muted">{t("seed", { seed: e.seed })}</span>}
              <span className="font-semibold">{e.name}</span>
              {e.groupNo !== null && <Badge tone="gold">{t("groupOf", { group: e.groupNo })}</Badge>}
              {e.withdrawn && <Badge tone="grey">{t("withdrawn")}</Badge>}
            </span>
            {members.length > 1 && (
              <span className="text-base text-muted">{t("members", { names: members.join(t("listSeparator")) })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
