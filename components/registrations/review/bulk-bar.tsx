"use client";

import { decideRegistrationsAction } from "@/lib/registrations/review-actions";
import { BulkBar as SharedBulkBar, SelectAllRows } from "@/components/ui/bulk-bar";

export const BULK_FORM_ID = "review-bulk";

const DECISIONS = [
  { value: "accept", variant: "primary" },
  { value: "waitlist", variant: "secondary" },
  { value: "reject", variant: "danger" },
] as const;

/** The registrations' bulk decisions: the shared bulk bar with this page's action and words. */
export function BulkBar() {
  return (
    <SharedBulkBar
      formId={BULK_FORM_ID}
      action={decideRegistrationsAction}
      namespace="review.bulk"
      scope="review"
      decisions={[...DECISIONS]}
    />
  );
}

export function SelectAll({ label }: { label: string }) {
  return <SelectAllRows formId={BULK_FORM_ID} label={label} />;
}
