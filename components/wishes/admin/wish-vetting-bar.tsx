"use client";

import { vetWishesAction } from "@/lib/wishes/admin-actions";
import { BulkBar, SelectAllRows } from "@/components/ui/bulk-bar";

export const WISH_VET_FORM_ID = "wish-vet";

const DECISIONS = [
  { value: "approve", variant: "primary" },
  { value: "changes", variant: "secondary" },
  { value: "reject", variant: "danger" },
] as const;

/** Posting ticked wishes on the wall, sending them back, or rejecting them: the shared bulk bar. */
export function WishVettingBar() {
  return (
    <BulkBar
      formId={WISH_VET_FORM_ID}
      action={vetWishesAction}
      namespace="wishAdmin.bulk"
      scope="wishAdmin"
      decisions={[...DECISIONS]}
    />
  );
}

export function SelectAllWishes({ label }: { label: string }) {
  return <SelectAllRows formId={WISH_VET_FORM_ID} label={label} />;
}
