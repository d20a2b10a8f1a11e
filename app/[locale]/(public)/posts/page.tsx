import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { hoursOf } from "@/lib/hours/format";
import { getPublicPosts, type PublicPost } from "@/lib/posts/public-queries";
import { buttonClass } from "@/components/ui/button";

// The same for every reader (no session is read here, so it could be cached whole), but its
// counts move with every member taken on and every patrol ended: rendered per request, like the
// home page and the wish wall.
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("postsPublic");
  return { title: t("title") };
}

/** The red posts: what each does, its groups and their times, who serves (by name, if they agreed), the year's figures. */
export default async function PostsPage() {
  const data = await getPublicPosts(await getDb());
  const t = await getTranslations("postsPublic");
  const figures = [
    { key: "patrolsWalked", value: data.figures.patrolsWalked },
    { key: "hoursServed", value: hoursOf(data.figures.hoursServed), count: Math.round(data.figures.hoursServed / 60) },
    { key: "members", value: data.figures.members },
    { key: "joinedThisYear", value: data.figures.joinedThisYear },
  ] as const;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>

      <section aria-labelledby="figures-title" className="flex flex-col gap-3">
        <h2 id="figures-title" className="text-2xl font-bold text-red-deep">
          {t("figures.title", { year: data.year })}
        </h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <li
              key={f.key}
              className="flex flex-col gap-1 rounded-[var(--radius-card)] border-2 border-gold bg-white px-5 py-4"
            >
              <span className="text-4xl font-black text-red-deep tabular-nums">{f.value}</span>
              <span className="text-lg">{t(`figures.${f.key}`, { count: "count" in f ? f.count : f.value })}</span>
            </li>
          ))}
        </ul>
      </section>

      {data.posts.length === 0 ? (
        <p className="text-lg">{t("none")}</p>
      ) : (
        data.posts.map((p) => <PostSection key={p.id} post={p} />)
      )}
    </div>
  );
}

async function PostSection({ post }: { post: PublicPost }) {
  const t = await getTranslations("postsPublic");
  const tc = await getTranslations("culture.admin");
  const tw = await getTranslations("culture.weekdays");
  const titleId = `post-${post.slug}-title`;
  const sep = t("vocab.separator");
  const unnamed = post.members - post.named.length - post.groups.reduce((n, g) => n + g.named.length, 0);
  return (
    <section
      id={post.slug}
      aria-labelledby={titleId}
      className="flex scroll-mt-4 flex-col gap-4 rounded-[var(--radius-card)] border border-line bg-white p-[16px] shadow-sm sm:p-6"
    >
      <div className="flex flex-col gap-1 border-b-4 border-gold pb-3">
        <h2 id={titleId} className="text-2xl font-bold text-red-deep sm:text-3xl">
          {post.name}
        </h2>
        <p className="text-lg font-semibold text-gold-ink">{t("memberCount", { count: post.members })}</p>
      </div>
      {post.description && <p className="text-lg whitespace-pre-line">{post.description}</p>}
      {post.patrol && (
        <p className="rounded-xl border-l-4 border-gold bg-gold-soft px-4 py-3 text-lg">
          {t("patrolLine", {
            period: t(`vocab.periods.${post.patrol.period}`),
            start: post.patrol.startsAt,
            end: post.patrol.endsAt,
            size: post.patrol.teamSize,
          })}
        </p>
      )}
      {post.groups.length > 0 && (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {post.groups.map((g) => (
            <li key={g.id} className="flex flex-col gap-2 border-l-4 border-gold py-1 pl-[12px]">
              <h3 className="text-xl font-bold">{g.name}</h3>
              {g.description && <p className="text-lg">{g.description}</p>}
              {g.slots.length > 0 && (
                <ul aria-label={tc("timetableOf", { name: g.name })} className="flex flex-col text-lg">
                  {g.slots.map((x) => (
                    <li key={`${x.weekday}-${x.startsAt}`}>
                      {tc("slotLine", {
                        weekday: tw(String(x.weekday)),
                        start: x.startsAt,
                        end: x.endsAt,
                        place: x.place,
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <p className="text-lg font-semibold text-gold-ink">{t("memberCount", { count: g.members })}</p>
              <Names names={g.named} heading={t("named")} label={t("namedIn", { name: g.name })} separator={sep} />
            </li>
          ))}
        </ul>
      )}
      {post.named.length > 0 && (
        <Names
          names={post.named}
          heading={post.groups.length ? t("namedOthers") : t("named")}
          label={post.groups.length ? t("namedOthers") : t("namedIn", { name: post.name })}
          separator={sep}
        />
      )}
      {unnamed > 0 && <p className="text-lg text-muted">{t("unnamed", { count: unnamed })}</p>}
      <Link href={`/posts/${post.slug}/join`} className={buttonClass("primary", "lg", "self-start")}>
        {t("joinButton", { post: post.name })}
      </Link>
    </section>
  );
}

/** The names of members who agreed to be named, and nothing else about them: one line of text that wraps. */
function Names({
  names,
  heading,
  label,
  separator,
}: {
  names: string[];
  heading: string;
  label: string;
  separator: string;
}) {
  if (names.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 text-lg">
      <p className="font-semibold">{heading}</p>
      <ul aria-label={label}>
        {names.map((n, i) => (
          <li key={`${n}-${i}`} className="inline">
            {/* A name never breaks; the line may break after its separator. */}
            <span className="whitespace-nowrap">{n}</span>
            {i < names.length - 1 && (
              <>
                {separator}
                <wbr />
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
