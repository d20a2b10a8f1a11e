import type { RegistrationRole } from "@/vocabulary/registrations";

/** A simple line picture for each role, gold on the festival red; decorative (the name says it). */
export function RolePicture({ role, className = "size-20" }: { role: RegistrationRole; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`grid shrink-0 place-items-center rounded-2xl bg-red-brand text-gold-soft shadow-inner ${className}`}
    >
      <svg
        viewBox="0 0 64 64"
        className="size-[78%]"
        fill="none"
        stroke="currentColor"
        strokeWidth={3}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {PICTURES[role]}
      </svg>
    </span>
  );
}

const PICTURES: Record<RegistrationRole, React.ReactNode> = {
  // A microphone on its stand, with two notes.
  performer: (
    <>
      <rect x="20" y="8" width="14" height="22" rx="7" fill="currentColor" fillOpacity={0.25} />
      <path d="M15 24a12 12 0 0 0 24 0M27 36v14M18 54h18" />
      <path d="M46 14v14" />
      <ellipse cx="43" cy="29" rx="3.5" ry="2.6" fill="currentColor" />
      <path d="M46 14l8-3v12" />
      <ellipse cx="51" cy="24" rx="3.5" ry="2.6" fill="currentColor" />
    </>
  ),
  // A stage light on a stand, its beam falling to the right.
  backstage: (
    <>
      <path d="M36 30l20 22H26z" fill="currentColor" fillOpacity={0.2} stroke="none" />
      <rect
        x="12"
        y="14"
        width="22"
        height="16"
        rx="4"
        transform="rotate(25 23 22)"
        fill="currentColor"
        fillOpacity={0.25}
      />
      <path d="M20 32l-6 22M20 32l6 22M10 54h20" />
      <path d="M40 8l-3 5M48 12l-5 3M52 20h-6" />
    </>
  ),
  // A runner mid-stride.
  athlete: (
    <>
      <circle cx="40" cy="11" r="5" fill="currentColor" />
      <path d="M36 20l-8 14 10 6-4 14" />
      <path d="M28 34l-10 4-4 10" />
      <path d="M35 21l-11 3-6 8M36 20l8 8 9-2" />
      <path d="M8 58h48" strokeOpacity={0.6} />
    </>
  ),
  // A round chess piece in front of a playing card.
  player: (
    <>
      <rect
        x="30"
        y="8"
        width="22"
        height="30"
        rx="3"
        transform="rotate(12 41 23)"
        fill="currentColor"
        fillOpacity={0.2}
      />
      <path d="M42 16l3 5-3 5-3-5z" fill="currentColor" />
      <circle cx="25" cy="38" r="16" fill="currentColor" fillOpacity={0.25} />
      <circle cx="25" cy="38" r="11" />
      <path d="M19 38h12M25 32v12" />
    </>
  ),
};
