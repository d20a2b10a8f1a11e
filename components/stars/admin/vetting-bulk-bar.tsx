"use client";

import { vetNominationsAction } from "@/lib/stars/admin-actions";
import { BulkBar, SelectAllRows } from "@/components/ui/bulk-bar";

export const VET_FORM_ID = "stars-vet";

const DECISIONS = [
  { value: "approve", variant: "primary" },
  { value: "reject", variant: "danger" },
] as const;

/** Approving or rejecting the ticked nominations: the shared bulk bar with this page's action and words. */
export function VettingBulkBar({ slug }: { slug: string }) {
  return (
    <BulkBar
      formId={VET_FORM_ID}
      action={vetNominationsAction}
      namespace="starsAdmin.bulk"
      scope="starsAdmin"
      decisions={[...DECISIONS]}
      hidden={{ festivalSlug: slug }}
    />
  );
}

export function SelectAllNominations({ label }: { label: string }) {
  return <SelectAllRows formId={VET_FORM_ID} label={label} />;
}
