/** A small turning ring that says "working"; it stands still for readers who ask for less motion. */
export function Spinner({ className = "" }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-[1em] shrink-0 animate-spin rounded-full border-[0.15em] border-current border-r-transparent motion-reduce:animate-none ${className}`}
    />
  );
}
