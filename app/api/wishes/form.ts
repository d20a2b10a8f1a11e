import { formText } from "@/lib/http";

// The wish forms' fields as the services take them, and the status each refusal answers with.

export const WISH_STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  stale_version: 409,
  wish_not_editable: 409,
};

/** A resident's own wish from a multipart form (an empty date is no date). */
export function ownWishInput(fd: FormData) {
  const text = (k: string) => formText(fd, k);
  return {
    title: text("title"),
    story: text("story"),
    category: text("category"),
    value: text("value"),
    wantedBy: text("wantedBy") || null,
    alias: text("alias"),
    age: text("age"),
    circumstance: text("circumstance"),
  };
}
