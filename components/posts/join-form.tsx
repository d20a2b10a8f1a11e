"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { Period } from "@/vocabulary/posts";
import type { ActionState } from "@/lib/action-state";
import { requestMembershipAction } from "@/lib/posts/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText } from "@/components/ui/action-outcome";
import { MembershipFields } from "./membership-fields";

/**
 * A resident asks to join a post: a few questions in plain words, one big button. Works without
 * JavaScript; a refusal comes back with what was chosen, and the answer lands on the join page.
 */
export function JoinForm({
  post,
}: {
  post: {
    id: string;
    slug: string;
    name: string;
    patrol: Period | null;
    groups: { id: string; name: string; description: string }[];
  };
}) {
  const t = useTranslations("postsPublic.join");
  const [state, action, pending] = useActionState<ActionState, FormData>(requestMembershipAction, { ok: false });
  const te = useTranslations("errors");
  const failureText = useActionFailureText("postsPublic")(state);
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  // Answers that need changing are shown beside each question; the top only says there are some.
  const failure = state.code === "invalid" && Object.keys(fieldErrors ?? {}).length ? te("invalid") : failureText;
  return (
    <form action={action} className="flex flex-col gap-6" aria-label={t("formLabel", { post: post.name })}>
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="slug" value={post.slug} />
      {failure && <Alert tone="error">{failure}</Alert>}
      <MembershipFields
        // A refusal's values come back with each submission: the choices start again from them.
        key={state.at ?? "first"}
        who="resident"
        groups={post.groups}
        patrol={post.patrol}
        values={state.values ?? {}}
        errors={fieldErrors}
      />
      <SubmitButton size="lg" pending={pending} className="w-full sm:w-auto sm:self-start">
        {t("send")}
      </SubmitButton>
    </form>
  );
}
