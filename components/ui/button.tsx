import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "lg" | "md" | "sm";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-red-brand text-white hover:bg-red-deep border-2 border-red-brand hover:border-red-deep",
  secondary: "bg-white text-red-deep border-2 border-red-brand hover:bg-red-soft",
  ghost: "bg-transparent text-ink border-2 border-transparent hover:bg-gold-soft underline-offset-4",
  danger: "bg-white text-red-deep border-2 border-red-deep hover:bg-red-soft",
};

const SIZES: Record<Size, string> = {
  lg: "min-h-14 px-[24px] text-xl",
  md: "min-h-12 px-[20px] text-lg",
  sm: "min-h-11 px-[12px] text-base",
};

/**
 * Targets are at least 44 px high at every size. A button never grows past its row: a word
 * longer than a phone's line ("Neighbourhood" at 200 % text) breaks inside it instead.
 */
export function buttonClass(variant: Variant = "primary", size: Size = "md", extra = ""): string {
  return `inline-flex max-w-full items-center justify-center gap-2 rounded-xl text-center font-semibold [overflow-wrap:anywhere] hyphens-auto transition-colors disabled:opacity-60 disabled:cursor-not-allowed no-underline ${VARIANTS[variant]} ${SIZES[size]} ${extra}`;
}

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return <button className={buttonClass(variant, size, className)} {...props} />;
}
