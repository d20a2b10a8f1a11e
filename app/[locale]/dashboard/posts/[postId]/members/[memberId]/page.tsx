import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPostForAdmin, getPostMember } from "@/lib/posts/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { festivalDay } from "@/components/ui/format";
import { MemberForm } from "@/components/posts/admin/member-form";

type Params = Promise<{ postId: string; memberId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("postsAdmin.member");
  const member = orForbidden(await getPostMember(await getDb(), actor, (await params).memberId));
  return { title: member ? t("title", { name: member.name }) : t("heading") };
}

/** One member: who they are, and the form to change their place or mark them as having left. */
export default async function PostMemberPage({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const { postId, memberId } = await params;
  const db = await getDb();
  const [post, member] = await Promise.all([
    getPostForAdmin(db, actor, postId).then(orForbidden),
    getPostMember(db, actor, memberId).then(orForbidden),
  ]);
  if (!post || !member || member.postId !== post.id) notFound();
  const t = await getTranslations("postsAdmin");
  const tv = await getTranslations("postsPublic.vocab");
  const format = await getFormatter();
  const editable = member.status === "active" || member.status === "left";
  return (
    <div className="flex flex-col gap-5">
      <Link href={`/dashboard/posts/${post.id}`} className="self-start text-red-deep underline underline-offset-4">
        {t("backTo", { post: post.name })}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("member.title", { name: member.name })}</h1>
      <Card aria-label={t("member.who")} className="max-w-3xl">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-base">
          <dt className="text-muted">{t("table.phone")}</dt>
          <dd className="tabular-nums">{member.phoneMasked ?? t("member.householdMember")}</dd>
          <dt className="text-muted">{t("member.address")}</dt>
          <dd>{member.address ?? "—"}</dd>
          <dt className="text-muted">{t("table.since")}</dt>
          <dd>{format.dateTime(festivalDay(member.since), { dateStyle: "long" })}</dd>
          <dt className="text-muted">{t("table.status")}</dt>
          <dd>
            <Badge tone={member.status === "active" ? "green" : "grey"}>{tv(`statuses.${member.status}`)}</Badge>
          </dd>
        </dl>
      </Card>
      {editable ? (
        <MemberForm
          patrol={post.kind === "patrol" ? post.period : null}
          groups={post.groups.map((g) => ({ id: g.id, name: g.name }))}
          target={{
            mode: "edit",
            postId: post.id,
            memberId: member.id,
            version: member.version,
            active: member.status === "active",
            values: {
              groupId: member.groupId ?? "",
              standing: member.standing,
              leader: member.leader ? "on" : "",
              showName: member.showName ? "on" : "",
              availableDays: member.availableDays.join(","),
              availablePeriods: member.availablePeriods.join(","),
              note: member.note,
            },
          }}
        />
      ) : (
        <Alert tone="info">
          {t(member.status === "requested" ? "member.stillRequested" : "member.declined")}{" "}
          <Link href={`/dashboard/posts/${post.id}#requests`} className="font-semibold underline underline-offset-4">
            {t("member.toRequests")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
