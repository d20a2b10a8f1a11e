import type { HTMLAttributes } from "react";

export function Card({ className = "", ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={`rounded-[var(--radius-card)] border border-line bg-white p-[20px] shadow-sm sm:p-6 ${className}`}
      {...props}
    />
  );
}

export function Badge({
  tone = "gold",
  children,
}: {
  tone?: "gold" | "red" | "green" | "grey";
  children: React.ReactNode;
}) {
  const tones = {
    gold: "bg-gold-soft text-gold-ink border-gold/40",
    red: "bg-red-soft text-red-deep border-red-brand/30",
    green: "bg-green-soft text-green-ink border-green-ink/30",
    grey: "bg-stone-100 text-stone-700 border-stone-300",
  };
  return (
    <span
      className={`inline-flex max-w-full items-center rounded-2xl border px-3 py-0.5 text-base font-semibold ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
