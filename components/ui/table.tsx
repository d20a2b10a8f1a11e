import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * A data table that scrolls sideways inside its own box on narrow screens. The box is
 * positioned so screen-reader-only text in a far column stays inside it, not past the page edge.
 */
export function Table({
  caption,
  children,
  className = "",
}: {
  caption: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`relative overflow-x-auto rounded-xl border border-line bg-white ${className}`}
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-left text-base">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const Th = ({ className = "", ...p }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th
    scope="col"
    className={`border-b-2 border-line bg-gold-soft px-[12px] py-2 font-semibold whitespace-nowrap ${className}`}
    {...p}
  />
);
export const Td = ({ className = "", ...p }: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td className={`border-b border-line px-[12px] py-2 align-top whitespace-nowrap ${className}`} {...p} />
);
export const Tr = (p: HTMLAttributes<HTMLTableRowElement>) => <tr {...p} />;
