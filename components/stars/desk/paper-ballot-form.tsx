"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { recordPaperBallotAction } from "@/lib/stars/desk-actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReceiptPrintButton } from "@/components/stars/receipt-print-button";

export interface PaperBallotFormProps {
  festivalSlug: string;
  categoryId: string;
  categoryName: string;
  votesPerVoter: number;
  voter: { userId: string } | { memberId: string };
  voterName: string;
  candidates: { id: string; name: string; building: string | null }[];
}

/**
 * The paper slip typed in: the candidates numbered in the slip's own order, a box each; once
 * recorded, the receipt, large, to print or copy onto the voter's slip.
 */
export function PaperBallotForm(props: PaperBallotFormProps) {
  const t = useTranslations("paperBallot");
  const te = useTranslations("errors");
  const tf = useTranslations("fieldErrors");
  const id = useId();
  const [state, action] = useActionState(
    recordPaperBallotAction,
    initialActionState as ActionState<{ receipt: string }>,
  );
  const single = props.votesPerVoter === 1;

  if (state.ok && state.data) {
    return (
      <div data-receipt className="flex flex-col gap-4 rounded-xl border-4 border-dashed border-red-brand bg-white p-6">
        <p role="status" className="text-2xl font-bold text-red-deep">
          {t("recorded", { name: props.voterName })}
        </p>
        <p className="text-xl">{t("slipCategory", { category: props.categoryName })}</p>
        <p className="text-xl">
          {t("receiptLabel")}
          <strong className="mt-2 block font-mono text-5xl tracking-widest">{state.data.receipt}</strong>
        </p>
        <p className="text-lg">{t("receiptHint")}</p>
        <ReceiptPrintButton label={t("printReceipt")} />
      </div>
    );
  }

  const code = state.code;
  const fieldError = state.fieldErrors?.candidateIds?.[0];
  const message = code
    ? code === "invalid" && fieldError
      ? tf.has(fieldError)
        ? tf(fieldError)
        : te("invalid")
      : t.has(`errors.${code}`)
        ? t(`errors.${code}`)
        : te.has(code)
          ? te(code)
          : te("unknown")
    : null;
  const before = new Set((state.values?.candidateIds ?? "").split(",").filter(Boolean));
  return (
    <form action={action} className="flex flex-col gap-4" aria-describedby={message ? `${id}-error` : undefined}>
      <input type="hidden" name="festivalSlug" value={props.festivalSlug} />
      <input type="hidden" name="categoryId" value={props.categoryId} />
      {"userId" in props.voter ? (
        <input type="hidden" name="userId" value={props.voter.userId} />
      ) : (
        <input type="hidden" name="memberId" value={props.voter.memberId} />
      )}
      {message && (
        <div id={`${id}-error`}>
          <Alert tone="error">{message}</Alert>
        </div>
      )}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-xl font-bold">
          {t("legend", { category: props.categoryName, count: props.votesPerVoter })}
        </legend>
        <ol className="flex flex-col gap-3">
          {props.candidates.map((c, i) => (
            <li key={c.id}>
              <label className="flex min-h-14 cursor-pointer items-center gap-4 rounded-xl border-2 border-stone-400 bg-white px-4 py-3 text-xl font-semibold hover:border-red-brand has-[:checked]:border-red-brand has-[:checked]:bg-red-soft">
                <input
                  type={single ? "radio" : "checkbox"}
                  name="candidateIds"
                  value={c.id}
                  defaultChecked={before.has(c.id)}
                  className="size-7 shrink-0 accent-red-brand"
                />
                <span className="w-8 text-right tabular-nums">{i + 1}.</span>
                <span>
                  {c.name}
                  {c.building && <span className="ml-2 text-lg font-normal text-muted">{c.building}</span>}
                </span>
              </label>
            </li>
          ))}
        </ol>
      </fieldset>
      <p className="text-lg">{t("finalNote")}</p>
      <SubmitButton size="lg" className="self-start">
        {t("record")}
      </SubmitButton>
    </form>
  );
}
