import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ResidentRow } from "@/lib/accounts/queries";
import { changeRoleAction, setDisabledAction, setVerifiedAction } from "@/lib/accounts/actions";
import { ActionButton } from "@/components/ui/action-button";

/** The buttons an organiser (or admin) may use on one resident; the services check again. */
export async function ResidentActions({
  resident: r,
  isAdmin,
  selfId,
}: {
  resident: ResidentRow;
  isAdmin: boolean;
  selfId: string;
}) {
  const t = await getTranslations("residents");
  const done = t("done");
  const staff = r.roles.includes("organiser") || r.roles.includes("admin");
  return (
    <div className="flex flex-wrap gap-2">
      {r.verified ? (
        <ActionButton
          action={setVerifiedAction}
          fields={{ userId: r.id, verified: "false" }}
          label={t("unverify")}
          successText={done}
        />
      ) : r.householdId ? (
        <ActionButton
          action={setVerifiedAction}
          fields={{ userId: r.id, verified: "true" }}
          label={t("verify")}
          variant="primary"
          successText={done}
        />
      ) : (
        <Link
          href={`/dashboard/residents/${r.id}`}
          className="inline-flex min-h-11 items-center rounded-xl border-2 border-red-brand px-3 text-base font-semibold text-red-deep hover:bg-red-soft"
        >
          {t("chooseHousehold")}
        </Link>
      )}
      {r.roles.includes("volunteer") ? (
        <ActionButton
          action={changeRoleAction}
          fields={{ userId: r.id, role: "volunteer", grant: "false" }}
          label={t("revokeVolunteer")}
          successText={done}
        />
      ) : (
        <ActionButton
          action={changeRoleAction}
          fields={{ userId: r.id, role: "volunteer", grant: "true" }}
          label={t("grantVolunteer")}
          successText={done}
        />
      )}
      {isAdmin &&
        r.id !== selfId &&
        (r.roles.includes("organiser") ? (
          <ActionButton
            action={changeRoleAction}
            fields={{ userId: r.id, role: "organiser", grant: "false" }}
            label={t("revokeOrganiser")}
            successText={done}
          />
        ) : (
          <ActionButton
            action={changeRoleAction}
            fields={{ userId: r.id, role: "organiser", grant: "true" }}
            label={t("grantOrganiser")}
            successText={done}
          />
        ))}
      {r.id !== selfId && (isAdmin || !staff) && (
        <ActionButton
          action={setDisabledAction}
          fields={{ userId: r.id, disabled: r.disabled ? "false" : "true" }}
          label={r.disabled ? t("enable") : t("disable")}
          variant="danger"
          successText={done}
        />
      )}
    </div>
  );
}
