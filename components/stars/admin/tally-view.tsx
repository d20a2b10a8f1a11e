import { getFormatter, getTranslations } from "next-intl/server";
import type { Tally } from "@/lib/stars/queries";
import { BURST } from "@/lib/stars/queries";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ballotSeries } from "./ballot-series";
import { BallotsChart } from "./ballots-chart";

/** A bar beside a figure; the figure is the text, the bar only shows it. */
function Bar({ share, tone = "red" }: { share: number; tone?: "red" | "green" | "gold" }) {
  const fill = { red: "bg-red-brand", green: "bg-green-ink", gold: "bg-gold" }[tone];
  return (
    <div aria-hidden="true" className="h-4 w-full min-w-16 overflow-hidden rounded bg-stone-100">
      <div className={`h-full rounded ${fill}`} style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }} />
    </div>
  );
}

type Category = Tally["categories"][number];
type Counted = Category & { candidates: NonNullable<Category["candidates"]> };

/** Who would win now: everyone above a tie at the cut, else the top `winners`. */
function currentlyIn(c: Counted): Set<string> {
  if (c.tie) {
    const tiedVotes = c.candidates.find((x) => x.id === c.tie!.ids[0])?.votes ?? 0;
    return new Set(c.candidates.filter((x) => x.votes > tiedVotes).map((x) => x.id));
  }
  return new Set(c.candidates.slice(0, c.winners).map((x) => x.id));
}

/** How many of a category's ballots were typed in from paper at the desk: a count, never whose. */
async function AtDesk({ count }: { count: number }) {
  if (!count) return null;
  const t = await getTranslations("paperBallot");
  return <p className="text-base tabular-nums">{t("tallyAtDesk", { count })}</p>;
}

/** While voting runs: the ballots cast in the category, and why no candidate's count is shown. */
async function CategoryTurnout({ c }: { c: Category }) {
  const t = await getTranslations("starsAdmin");
  const headingId = `tally-${c.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold">
          {c.name}
        </h3>
        <p className="text-base tabular-nums">
          {t("tally.categoryFacts", { ballots: c.ballots, winners: c.winners, mode: t(`modes.${c.mode}`) })}
        </p>
      </div>
      <AtDesk count={c.atDesk} />
      <p className="text-base">{t("tally.countsLater")}</p>
    </section>
  );
}

async function CategoryTally({ c }: { c: Counted }) {
  const t = await getTranslations("starsAdmin");
  const max = Math.max(1, ...c.candidates.map((x) => x.votes));
  const hasVotes = c.ballots > 0;
  const inNow = hasVotes ? currentlyIn(c) : new Set<string>();
  const tied = new Set(hasVotes && c.tie ? c.tie.ids : []);
  const headingId = `tally-${c.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold">
          {c.name}
        </h3>
        <p className="text-base tabular-nums">
          {t("tally.categoryFacts", { ballots: c.ballots, winners: c.winners, mode: t(`modes.${c.mode}`) })}
        </p>
      </div>
      <AtDesk count={c.atDesk} />
      {hasVotes && c.tie && (
        <p role="note" className="rounded-lg border-l-4 border-gold bg-gold-soft px-3 py-2 text-base">
          {t("tally.tie", {
            names: c.candidates
              .filter((x) => tied.has(x.id))
              .map((x) => x.name)
              .join(t("tally.listSeparator")),
            votes: c.candidates.find((x) => tied.has(x.id))?.votes ?? 0,
            places: c.tie.places,
          })}
        </p>
      )}
      {c.candidates.length === 0 ? (
        <p className="text-base">{t("tally.noCandidates")}</p>
      ) : (
        <Table caption={t("tally.countsFor", { name: c.name })}>
          <thead>
            <tr>
              <Th>{t("tally.candidate")}</Th>
              <Th className="text-right">{t("tally.votes")}</Th>
              <Th>
                <span className="sr-only">{t("tally.bar")}</span>
              </Th>
              <Th>{t("tally.standing")}</Th>
            </tr>
          </thead>
          <tbody>
            {c.candidates.map((x) => (
              <tr key={x.id}>
                <Td className="font-semibold">{x.name}</Td>
                <Td className="text-right text-lg font-bold tabular-nums">{x.votes}</Td>
                <Td className="w-1/2 align-middle">
                  <Bar share={x.votes / max} tone={inNow.has(x.id) ? "green" : tied.has(x.id) ? "gold" : "red"} />
                </Td>
                <Td>
                  {inNow.has(x.id) ? (
                    <Badge tone="green">{t("tally.inNow")}</Badge>
                  ) : tied.has(x.id) ? (
                    <Badge tone="gold">{t("tally.tiedAtCut")}</Badge>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/**
 * What the organisers watch: turnout, ballots over time and bursts worth a look while voting
 * runs; the counts per candidate once it has closed. Nothing here says who voted for whom.
 */
export async function TallyView({ tally, timeZone }: { tally: Tally; timeZone: string }) {
  const t = await getTranslations("starsAdmin.tally");
  const format = await getFormatter();
  const pct = (part: number, whole: number) =>
    whole ? format.number(part / whole, { style: "percent", maximumFractionDigits: 1 }) : "—";
  const at = (d: Date) =>
    format.dateTime(d, {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
  const ballots = tally.categories.reduce((a, c) => a + c.ballots, 0);
  const stats = [
    { label: t("ballotsCast"), value: format.number(ballots) },
    { label: t("voters"), value: format.number(tally.voters) },
    { label: t("verifiedResidents"), value: format.number(tally.verifiedResidents) },
    { label: t("turnout"), value: pct(tally.voters, tally.verifiedResidents) },
  ];
  const series = ballotSeries(tally.overTime, timeZone);
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-line border-t-4 border-t-gold bg-white p-4">
            <dt className="text-base text-muted">{s.label}</dt>
            <dd className="text-3xl font-black tabular-nums text-ink">{s.value}</dd>
          </div>
        ))}
      </dl>

      <Card aria-labelledby="alerts-title" className="flex flex-col gap-3">
        <h2 id="alerts-title" className="text-2xl font-bold">
          {t("alertsTitle")}
        </h2>
        <p className="text-base text-muted">
          {t("alertsIntro", { ip: BURST.ip, household: BURST.household, minutes: BURST.minutes })}
        </p>
        {tally.alerts.length === 0 ? (
          <p className="text-base">{t("noAlerts")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {tally.alerts.map((a) => (
              <li
                key={`${a.kind}-${a.key}-${a.from.toISOString()}`}
                className="rounded-lg border-l-4 border-red-brand bg-red-soft px-3 py-2 text-base"
              >
                {t(a.kind === "ip" ? "alertIp" : "alertHousehold", {
                  ballots: a.ballots,
                  key: a.key,
                  from: at(a.from),
                  minutes: BURST.minutes,
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <section aria-labelledby="counts-title" className="flex flex-col gap-3">
        <h2 id="counts-title" className="text-2xl font-bold">
          {t("countsTitle")}
        </h2>
        {tally.categories.length === 0 && <p className="text-base">{t("noCategories")}</p>}
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {tally.categories.map((c) =>
            c.candidates ? (
              <CategoryTally key={c.id} c={{ ...c, candidates: c.candidates }} />
            ) : (
              <CategoryTurnout key={c.id} c={c} />
            ),
          )}
        </div>
      </section>

      <Card aria-labelledby="turnout-title" className="flex flex-col gap-3">
        <h2 id="turnout-title" className="text-2xl font-bold">
          {t("turnoutTitle")}
        </h2>
        <p className="text-base text-muted">{t("turnoutIntro")}</p>
        {tally.byBuilding.length === 0 ? (
          <p className="text-base">{t("noBuildings")}</p>
        ) : (
          <Table caption={t("turnoutCaption")}>
            <thead>
              <tr>
                <Th>{t("building")}</Th>
                <Th className="text-right">{t("voters")}</Th>
                <Th className="text-right">{t("verifiedResidents")}</Th>
                <Th className="text-right">{t("turnout")}</Th>
                <Th>
                  <span className="sr-only">{t("bar")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {tally.byBuilding.map((b) => (
                <tr key={b.building}>
                  <Td className="font-semibold">{b.building}</Td>
                  <Td className="text-right tabular-nums">{b.voters}</Td>
                  <Td className="text-right tabular-nums">{b.verified}</Td>
                  <Td className="text-right tabular-nums">{pct(b.voters, b.verified)}</Td>
                  <Td className="w-1/3 align-middle">
                    <Bar share={b.verified ? b.voters / b.verified : 0} />
                  </Td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-bold">
                <Td>{t("overall")}</Td>
                <Td className="text-right tabular-nums">{tally.voters}</Td>
                <Td className="text-right tabular-nums">{tally.verifiedResidents}</Td>
                <Td className="text-right tabular-nums">{pct(tally.voters, tally.verifiedResidents)}</Td>
                <Td className="align-middle">
                  <Bar share={tally.verifiedResidents ? tally.voters / tally.verifiedResidents : 0} />
                </Td>
              </tr>
            </tfoot>
          </Table>
        )}
      </Card>

      <Card aria-labelledby="time-title" className="flex flex-col gap-3">
        <h2 id="time-title" className="text-2xl font-bold">
          {t("overTimeTitle")}
        </h2>
        <BallotsChart series={series} timeZone={timeZone} />
      </Card>
    </div>
  );
}
