import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to the page it is on with another query (a confirmation step, a tab, a round, the next
 * page of a list). Never prefetched: on Next 16 a prefetched link whose target differs from the
 * current page only in its query was seen to do nothing when tapped a second time (no request went
 * out, nothing changed, the link stayed pressed), while the same navigation without the prefetch
 * (as `router.push` makes it) answers every time. Without the prefetch the tap fetches the page
 * afresh, which such pages need anyway: they are rendered per request.
 */
export function SamePageLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
