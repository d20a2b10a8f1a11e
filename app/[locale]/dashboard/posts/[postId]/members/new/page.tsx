import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import {
  candidateSearchSchema,
  findMemberCandidates,
  getMemberCandidate,
  getPostForAdmin,
  type MemberCandidate,
} from "@/lib/posts/queries";
import { communityToday } from "@/lib/posts/service";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { SearchForm } from "@/components/dashboard/search-form";
import { MemberForm } from "@/components/posts/admin/member-form";

type Params = Promise<{ postId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("postsAdmin.add");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  return { title: post ? t("title", { post: post.name }) : t("heading") };
}

const row =
  "flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border-2 border-line bg-white px-4 py-2 text-lg";

/** Taking someone on: find a resident or a household member, then say how they serve. */
export default async function AddPostMemberPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/posts");
  const { postId } = await params;
  const { q, userId, householdMemberId } = candidateSearchSchema.parse(await searchParams);
  const db = await getDb();
  const post = orForbidden(await getPostForAdmin(db, actor, postId));
  if (!post) notFound();
  const [found, chosen] = await Promise.all([
    q && !userId && !householdMemberId
      ? findMemberCandidates(db, actor, post.id, q).then(orForbidden)
      : Promise.resolve(null),
    userId || householdMemberId
      ? getMemberCandidate(db, actor, post.id, { userId, householdMemberId }).then(orForbidden)
      : Promise.resolve(null),
  ]);
  const t = await getTranslations("postsAdmin");
  const base = `/dashboard/posts/${post.id}/members/new`;
  const back = q ? `${base}?q=${encodeURIComponent(q)}` : base;
  const describe = (c: MemberCandidate) =>
    [
      c.phoneMasked ?? t("add.noAccount"),
      c.birthYear ? t("add.bornIn", { year: c.birthYear }) : null,
      c.address ?? t("add.noHousehold"),
    ].filter(Boolean);

  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <Link href={`/dashboard/posts/${post.id}`} className="self-start text-red-deep underline underline-offset-4">
        {t("backTo", { post: post.name })}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("add.title", { post: post.name })}</h1>

      {chosen ? (
        <>
          <Card aria-labelledby="chosen-title">
            <h2 id="chosen-title" className="text-2xl font-bold">
              {chosen.name}
            </h2>
            <p className="mt-1 flex flex-wrap gap-x-4 text-lg">
              {describe(chosen).map((d) => (
                <span key={d}>{d}</span>
              ))}
            </p>
            <p className="mt-3">
              <Link href={back} className="font-semibold text-red-deep underline underline-offset-4">
                {t("add.chooseOther")}
              </Link>
            </p>
          </Card>
          {chosen.inPost ? (
            <Alert tone="info">{t("add.alreadyIn", { name: chosen.name })}</Alert>
          ) : (
            <MemberForm
              patrol={post.kind === "patrol" ? post.period : null}
              groups={post.groups.map((g) => ({ id: g.id, name: g.name }))}
              target={{
                mode: "add",
                postId: post.id,
                person: { kind: chosen.kind, id: chosen.id },
                since: communityToday(),
              }}
            />
          )}
        </>
      ) : (
        <>
          {(userId || householdMemberId) && <Alert tone="error">{t("add.unknown")}</Alert>}
          <p className="text-lg">{t("add.intro")}</p>
          <SearchForm label={t("add.search")} q={q} action={base} />
          {found && found.length === 0 && <p className="text-lg">{t("add.none")}</p>}
          {found && found.length > 0 && (
            <section aria-labelledby="found-title" className="flex flex-col gap-2">
              <h2 id="found-title" className="text-2xl font-bold">
                {t("add.found", { count: found.length })}
              </h2>
              <ul className="flex flex-col gap-2">
                {found.map((c) => {
                  const param = c.kind === "account" ? "userId" : "householdMemberId";
                  const content = (
                    <>
                      <span className="font-bold">{c.name}</span>
                      {describe(c).map((d) => (
                        <span key={d}>{d}</span>
                      ))}
                      {c.kind === "household" && <Badge tone="gold">{t("add.householdMember")}</Badge>}
                      {c.kind === "account" && !c.verified && <Badge tone="grey">{t("add.unverified")}</Badge>}
                      {c.inPost && <Badge tone="green">{t("add.inPost")}</Badge>}
                    </>
                  );
                  return (
                    <li key={`${c.kind}-${c.id}`}>
                      {c.inPost ? (
                        <div className={`${row} text-muted`}>{content}</div>
                      ) : (
                        <Link
                          href={`${base}?q=${encodeURIComponent(q ?? "")}&${param}=${c.id}`}
                          className={`${row} hover:border-red-brand hover:bg-gold-soft/40`}
                        >
                          {content}
                          <span className="ml-auto font-semibold text-red-deep underline underline-offset-4">
                            {t("add.choose")}
                          </span>
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
