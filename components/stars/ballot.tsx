"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ballotSchema } from "@/lib/stars/schemas";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CandidateCard, CandidatePhoto, ReceiptNote, type CandidateView } from "./candidate-card";
import { postJson } from "@/components/ui/post";

type Step = { kind: "choose" } | { kind: "confirm" } | { kind: "done"; receipt: string };

/**
 * One category's ballot: tap the candidates (up to the category's votes), check the choice on a
 * second screen that says a ballot is final, then cast it. The receipt shows in place.
 */
export function Ballot({
  festivalSlug,
  categoryId,
  categoryName,
  max,
  ruleId,
  candidates,
}: {
  festivalSlug: string;
  categoryId: string;
  categoryName: string;
  max: number;
  ruleId: string;
  candidates: CandidateView[];
}) {
  const t = useTranslations("stars");
  const tf = useTranslations("fieldErrors");
  const tc = useTranslations("common");
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [code, setCode] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [sending, setSending] = useState(false);
  const focusRef = useRef<HTMLHeadingElement | HTMLDivElement>(null);
  const sectionRef = useRef<HTMLDivElement>(null);
  const single = max === 1;
  const full = !single && chosen.length >= max;
  const names = chosen.map((c) => candidates.find((x) => x.id === c)?.name ?? "");

  // Each step moves focus to its own heading, so a screen reader hears where it is.
  useEffect(() => {
    if (step.kind !== "choose") focusRef.current?.focus();
  }, [step.kind]);

  const toggle = (candidateId: string) => {
    setFieldError(undefined);
    setChosen((c) =>
      single
        ? [candidateId]
        : c.includes(candidateId)
          ? c.filter((x) => x !== candidateId)
          : c.length < max
            ? [...c, candidateId]
            : c,
    );
  };

  const next = (e: React.FormEvent) => {
    e.preventDefault();
    setCode(undefined);
    const parsed = ballotSchema.safeParse({ festivalSlug, categoryId, candidateIds: chosen });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? "choose_one");
      return;
    }
    setStep({ kind: "confirm" });
  };

  const cast = async () => {
    setSending(true);
    const result = await postJson<{ receipt: string }>("/api/stars/ballots", {
      festivalSlug,
      categoryId,
      candidateIds: chosen,
    });
    setSending(false);
    if (result.ok) {
      setStep({ kind: "done", receipt: result.data.receipt });
      return;
    }
    setCode(result.code);
    setFieldError(result.fieldErrors?.candidateIds?.[0]);
    setStep({ kind: "choose" });
    requestAnimationFrame(() => sectionRef.current?.scrollIntoView({ block: "start" }));
  };

  if (step.kind === "done") {
    return (
      <div ref={focusRef as React.RefObject<HTMLDivElement>} tabIndex={-1} className="outline-none">
        <ReceiptNote names={names} receipt={step.receipt} />
      </div>
    );
  }

  if (step.kind === "confirm") {
    return (
      <section
        aria-labelledby={`${id}-confirm`}
        className="flex flex-col gap-4 rounded-[var(--radius-card)] border-2 border-gold bg-gold-soft/50 p-4 sm:p-6"
      >
        <h3
          id={`${id}-confirm`}
          ref={focusRef as React.RefObject<HTMLHeadingElement>}
          tabIndex={-1}
          className="text-2xl font-bold text-red-deep outline-none"
        >
          {t("ballot.confirmTitle")}
        </h3>
        <p className="text-xl">{t("ballot.confirmText", { category: categoryName })}</p>
        <ul className="flex flex-col gap-3">
          {chosen.map((c) => {
            const candidate = candidates.find((x) => x.id === c)!;
            return (
              <li key={c} className="flex items-center gap-4 rounded-xl bg-white p-3">
                <CandidatePhoto candidate={candidate} className="size-16" />
                <span className="text-2xl font-bold">{candidate.name}</span>
              </li>
            );
          })}
        </ul>
        <p className="rounded-xl border-l-4 border-red-brand bg-white px-4 py-3 text-lg font-semibold text-red-deep">
          {t("ballot.final")}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="button" size="lg" onClick={cast} disabled={sending} aria-disabled={sending || undefined}>
            {sending ? tc("working") : t("ballot.confirm")}
          </Button>
          <Button
            type="button"
            size="lg"
            variant="secondary"
            onClick={() => setStep({ kind: "choose" })}
            disabled={sending}
          >
            {t("ballot.back")}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <div ref={sectionRef} className="scroll-mt-4">
      <form onSubmit={next} noValidate className="flex flex-col gap-4">
        <FormMessage code={code} />
        <fieldset
          aria-describedby={[ruleId, fieldError ? `${id}-error` : ""].filter(Boolean).join(" ")}
          className="flex flex-col gap-3"
        >
          <legend className="mb-2 text-xl font-bold">{t("ballot.legend", { category: categoryName })}</legend>
          <ul className="grid gap-4 md:grid-cols-2">
            {candidates.map((c) => {
              const on = chosen.includes(c.id);
              const disabled = full && !on;
              return (
                <li key={c.id}>
                  <CandidateCard candidate={c} chosen={on}>
                    <label
                      className={`mt-auto flex min-h-14 items-center gap-3 rounded-xl border-2 px-4 py-3 text-xl font-semibold ${
                        disabled
                          ? "cursor-not-allowed border-line bg-stone-100 text-muted"
                          : on
                            ? "cursor-pointer border-red-brand bg-red-soft text-red-deep"
                            : "cursor-pointer border-stone-400 bg-white hover:border-red-brand"
                      }`}
                    >
                      <input
                        type={single ? "radio" : "checkbox"}
                        name={`${id}-choice`}
                        value={c.id}
                        checked={on}
                        disabled={disabled}
                        onChange={() => toggle(c.id)}
                        className="size-7 shrink-0 accent-red-brand"
                      />
                      {t("ballot.voteFor", { name: c.name })}
                    </label>
                  </CandidateCard>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {!single && (
          <p aria-live="polite" className="text-lg font-semibold">
            {t("ballot.chosen", { count: chosen.length, max })}
            {full && <span className="mt-1 block font-normal text-muted">{t("ballot.full")}</span>}
          </p>
        )}
        {fieldError && (
          <p id={`${id}-error`} className="text-lg font-semibold text-red-deep">
            {tf.has(fieldError) ? tf(fieldError) : tf("invalid")}
          </p>
        )}
        <Button type="submit" size="lg" className="self-stretch sm:self-start">
          {t("ballot.next")}
        </Button>
      </form>
    </div>
  );
}
