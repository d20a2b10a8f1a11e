import "server-only";
import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew, type Change } from "@/lib/cache/invalidation";
import type { Result } from "@/lib/result";

// One way from a red-post form to its service: read the named fields, call the service as the
// signed-in person, renew the pages the change alters when it did something.

type Service<T> = (
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Awaited<ReturnType<typeof getActor>>,
  input: unknown,
) => Promise<Result<T>>;

export async function runFormAction<T>(
  service: Service<T>,
  change: Extract<Change, "patrolChanged" | "postsChanged">,
  formData: FormData,
  keys: string[],
  extra: Record<string, unknown> = {},
): Promise<ActionState<T>> {
  const values = formValues(formData, keys);
  const input: Record<string, unknown> = { ...values, ...extra };
  // An empty version is none (the form had nothing to check against).
  if (input.version === "") delete input.version;
  const result = await service(await getDb(), await getActor(), input);
  if (result.ok) await renew(change);
  return toActionState(result, values);
}
