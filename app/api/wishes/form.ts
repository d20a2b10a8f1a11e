import { formText } from "@/lib/http";

// The wish forms' fields as the services take them.

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
