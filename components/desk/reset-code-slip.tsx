"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { issueResetCodeAction, type IssuedSlip } from "@/lib/desk/actions";
import type { ActionState } from "@/lib/action-state";
import { formatResetCode } from "@/lib/auth/schemas";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { PrintButton } from "@/components/ui/print-button";

/**
 * The organiser makes a reset code and prints it on a slip for the resident. The code lives only
 * in this page's state and on the paper: never in a URL, never in the audit log.
 */
export function ResetCodeSlip({ userId, signInUrl }: { userId: string; signInUrl: string }) {
  const t = useTranslations("desk");
  const [state, action] = useActionState<ActionState<IssuedSlip>, FormData>(issueResetCodeAction, { ok: false });
  const slip = state.ok ? state.data : undefined;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="no-print flex flex-col items-start gap-3">
        <input type="hidden" name="userId" value={userId} />
        <FormMessage code={state.ok ? undefined : state.code} />
        <SubmitButton size="lg">{t("resetIssue")}</SubmitButton>
      </form>
      {slip && <PrintedSlip slip={slip} signInUrl={signInUrl} />}
    </div>
  );
}

/** The slip itself, large and plain, printed alone (the page around it stays off the paper). */
export function PrintedSlip({ slip, signInUrl }: { slip: IssuedSlip; signInUrl: string }) {
  const t = useTranslations("desk");
  const format = useFormatter();
  return (
    <>
      <article
        data-printing=""
        aria-labelledby="slip-title"
        className="flex flex-col gap-4 rounded-xl border-4 border-dashed border-red-deep bg-white p-6 text-xl"
      >
        <h3 id="slip-title" className="text-2xl font-bold text-red-deep">
          {t("slipTitle")}
        </h3>
        <p>{t("slipFor", { name: slip.name, phone: slip.phone })}</p>
        <p className="flex flex-col gap-1">
          <span className="text-lg font-semibold">{t("slipCodeLabel")}</span>
          <output
            data-testid="reset-code"
            className="font-mono text-6xl font-bold tracking-[0.2em] text-stone-950"
            aria-live="polite"
          >
            {formatResetCode(slip.code)}
          </output>
        </p>
        <p className="font-semibold">
          {t("slipValid", {
            time: format.dateTime(new Date(slip.expiresAt), {
              month: "long",
              day: "numeric",
              hour: "2-digit",
              minute: "2-digit",
            }),
          })}
        </p>
        <div>
          <h4 className="text-xl font-bold">{t("slipStepsTitle")}</h4>
          <ol className="mt-2 list-decimal pl-8 leading-relaxed">
            <li>{t("slipStep1", { url: signInUrl })}</li>
            <li>{t("slipStep2")}</li>
            <li>{t("slipStep3")}</li>
            <li>{t("slipStep4")}</li>
          </ol>
        </div>
        <p className="text-lg">{t("slipKeep")}</p>
      </article>
      <div>
        <PrintButton label={t("print")} />
      </div>
    </>
  );
}
