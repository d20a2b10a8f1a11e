"use client";

import { useTranslations } from "next-intl";
import { Alert } from "./alert";

/** The translated message for a failed action, or a success line. */
export function FormMessage({ code, success }: { code?: string; success?: string }) {
  const t = useTranslations("errors");
  if (success) return <Alert tone="success">{success}</Alert>;
  if (!code) return null;
  return <Alert tone="error">{t.has(code) ? t(code) : t("unknown")}</Alert>;
}
