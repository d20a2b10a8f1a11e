"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormatter } from "next-intl";
import { useTranslations } from "next-intl";
import { importRosterAction, previewRosterAction } from "@/lib/accounts/actions";
import type { CheckedRoster } from "@/lib/accounts/roster-service";
import type { ActionState } from "@/lib/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { Alert } from "@/components/ui/alert";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";

type PreviewState = ActionState<CheckedRoster>;
type ImportState = ActionState<unknown>;

/** Check first (writes nothing), then import what was checked (all rows or none). */
export function RosterImport() {
  const t = useTranslations();
  const format = useFormatter();
  const [preview, previewAction] = useActionState<PreviewState, FormData>(previewRosterAction, { ok: false });
  const [imported, importAction] = useActionState<ImportState, FormData>(importRosterAction, { ok: false });

  // A failed import comes back with a fresh preview: show that one.
  const failedImport =
    !imported.ok && imported.code === "import_has_errors" ? (imported.data as PreviewState["data"]) : undefined;
  const importedAfterPreview = (imported.at ?? 0) > (preview.at ?? 0);
  const shown = importedAfterPreview && failedImport ? failedImport : preview.ok ? preview.data : undefined;
  const done =
    importedAfterPreview && imported.ok ? (imported.data as { created: number; existing: number }) : undefined;

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{t("import.imported", done)}</Alert>
        <div className="flex flex-wrap gap-3">
          <Link className={buttonClass("primary", "md")} href="/dashboard/households">
            {t("import.viewRoster")}
          </Link>
          <Link className={buttonClass("secondary", "md")} href="/dashboard/households/slips">
            {t("import.printSlips")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <form action={previewAction} className="flex flex-col gap-4 rounded-xl border border-line bg-white p-5">
        <div className="flex flex-col gap-1">
          <label htmlFor="roster-file" className="text-lg font-semibold">
            {t("import.file")}
          </label>
          <input
            id="roster-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="min-h-11 text-base file:mr-3 file:min-h-11 file:rounded-lg file:border-2 file:border-red-brand file:bg-white file:px-3 file:font-semibold file:text-red-deep"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="roster-csv" className="text-lg font-semibold">
            {t("import.paste")}
          </label>
          <textarea
            id="roster-csv"
            name="csv"
            rows={6}
            defaultValue={shown?.csv}
            key={shown?.csv}
            className="rounded-lg border-2 border-stone-400 bg-white p-3 font-mono text-base"
          />
        </div>
        <SubmitButton className="self-start">{t("import.check")}</SubmitButton>
      </form>

      {!preview.ok && preview.code && !importedAfterPreview && <FormMessage code={preview.code} />}
      {importedAfterPreview && !imported.ok && <FormMessage code={imported.code} />}

      {shown && (
        <section aria-labelledby="preview-title" className="flex flex-col gap-4">
          <h2 id="preview-title" className="text-2xl font-bold">
            {t("import.summary", { new: shown.newCount, existing: shown.existingCount, errors: shown.errorCount })}
          </h2>
          <p className="text-lg">{t(`import.readFrom.${shown.read.source}`, { sheet: shown.read.sheet ?? "" })}</p>
          {shown.read.roomsNotText && (
            <Alert>
              {t("import.roomsNotText", {
                count: shown.read.roomsNotText.length,
                lines:
                  format.list(shown.read.roomsNotText.slice(0, 20).map(String)) +
                  (shown.read.roomsNotText.length > 20 ? "…" : ""),
              })}
            </Alert>
          )}
          {shown.fileError ? (
            <Alert tone="error">
              {t(`import.fileErrors.${shown.fileError}` as "import.fileErrors.empty", {
                columns: format.list(
                  (shown.missingColumns ?? []).map((c) =>
                    t(`households.${c === "householderName" ? "householder" : c}` as "households.building"),
                  ),
                ),
              })}
            </Alert>
          ) : (
            <>
              {shown.errorCount > 0 && <Alert tone="error">{t("import.fixErrors")}</Alert>}
              <Table caption={t("import.title")}>
                <thead>
                  <tr>
                    <Th>{t("import.line")}</Th>
                    <Th>{t("households.building")}</Th>
                    <Th>{t("households.unit")}</Th>
                    <Th>{t("households.room")}</Th>
                    <Th>{t("households.householder")}</Th>
                    <Th>{t("import.status")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {shown.rows.map((r) => (
                    <tr key={r.line} className={r.status === "error" ? "bg-red-soft" : undefined}>
                      <Td>{r.line}</Td>
                      <Td>{r.building}</Td>
                      <Td>{r.unit}</Td>
                      <Td>{r.room}</Td>
                      <Td>{r.householderName}</Td>
                      <Td className="min-w-56 whitespace-normal!">
                        {r.status === "error" ? (
                          <span className="font-semibold text-red-deep">
                            {t("import.statusErrorWith", {
                              errors: r.errors
                                .map((e) => (t.has(`fieldErrors.${e}`) ? t(`fieldErrors.${e}`) : e))
                                .join(" "),
                            })}
                          </span>
                        ) : r.status === "exists" ? (
                          t("import.statusExists")
                        ) : (
                          <span className="font-semibold text-green-ink">{t("import.statusNew")}</span>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {shown.errorCount === 0 && shown.newCount > 0 && (
                <form action={importAction}>
                  <input type="hidden" name="csv" value={shown.csv} />
                  <input type="hidden" name="read" value={JSON.stringify(shown.read)} />
                  <SubmitButton size="lg">{t("import.confirm", { count: shown.newCount })}</SubmitButton>
                </form>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
