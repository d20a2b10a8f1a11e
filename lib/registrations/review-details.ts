// Client-safe: what the organisers see of a registration's form answers, and how a child is named.
import { utcToZonedLocal } from "@/lib/festivals/time";
import { CHILD_AGE, firstName } from "@/lib/people/names";

export { CHILD_AGE, firstName };

/** The form's answers the review shows, per role; anything else in the stored JSON is left out. */
export type ReviewDetails =
  | {
      role: "performer";
      actTitle: string;
      actType: string | null;
      group: boolean;
      performers: string[];
      minutes: number | null;
      stageNeeds: string[];
      stageNeedsOther: string;
      preferredTime: string | null;
    }
  | { role: "backstage"; skills: string[]; available: { startsAt: Date; endsAt: Date }[] }
  | { role: "athlete"; ageGroup: string | null; emergencyName: string; emergencyPhone: string }
  | { role: "player"; level: string | null; partnerKind: string | null; partnerPhone: string };

const str = (v: unknown) => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown) => (typeof v === "string" && v ? v : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Reads the stored JSON defensively: it was written by earlier versions of the forms too. */
export function reviewDetails(role: string, raw: Record<string, unknown>): ReviewDetails {
  switch (role) {
    case "performer":
      return {
        role,
        actTitle: str(raw.actTitle),
        actType: strOrNull(raw.actType),
        group: raw.group === true,
        performers: strings(raw.performers),
        minutes: typeof raw.minutes === "number" ? raw.minutes : null,
        stageNeeds: strings(raw.stageNeeds),
        stageNeedsOther: str(raw.stageNeedsOther),
        preferredTime: strOrNull(raw.preferredTime),
      };
    case "backstage": {
      const ranges = Array.isArray(raw.available) ? (raw.available as { startsAt?: unknown; endsAt?: unknown }[]) : [];
      const available = ranges
        .map((r) => ({ startsAt: new Date(str(r?.startsAt)), endsAt: new Date(str(r?.endsAt)) }))
        .filter((r) => !Number.isNaN(r.startsAt.getTime()) && !Number.isNaN(r.endsAt.getTime()))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      return { role, skills: strings(raw.skills), available };
    }
    case "athlete":
      return {
        role,
        ageGroup: strOrNull(raw.ageGroup),
        emergencyName: str(raw.emergencyName),
        emergencyPhone: str(raw.emergencyPhone),
      };
    default: {
      const partner = (raw.partner ?? {}) as { kind?: unknown; phone?: unknown };
      return {
        role: "player",
        level: strOrNull(raw.level),
        partnerKind: strOrNull(partner.kind),
        partnerPhone: str(partner.phone),
      };
    }
  }
}

/** How a participant is named to organisers: in full, or a child by first name only. */
export function participantLabel(name: string, age: number | null): { name: string; child: boolean } {
  const child = age !== null && age < CHILD_AGE;
  return { name: child ? firstName(name) : name, child };
}

/** The status an organiser reviews: a place not yet accepted is "pending". */
export function reviewStatusOf(r: {
  status: string;
  accepted: boolean;
}): "pending" | "accepted" | "waitlisted" | "rejected" | "cancelled" {
  if (r.status === "confirmed") return r.accepted ? "accepted" : "pending";
  return r.status as "waitlisted" | "rejected" | "cancelled";
}

/** "2027-01-16 09:00–12:00" in the festival's zone; the end's date only when it differs. */
export function formatRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const a = utcToZonedLocal(startsAt, timeZone).replace("T", " ");
  const b = utcToZonedLocal(endsAt, timeZone).replace("T", " ");
  if (startsAt.getTime() === endsAt.getTime()) return a;
  return `${a}–${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b}`;
}
