"use client";

import { Button } from "@/components/ui/button";

/**
 * Prints the receipt it sits in and nothing else (see the print rules in globals.css): the card
 * is marked for the print, and unmarked after it.
 */
export function ReceiptPrintButton({ label }: { label: string }) {
  const print = (e: React.MouseEvent<HTMLButtonElement>) => {
    const card = e.currentTarget.closest("[data-receipt]");
    if (card) {
      card.setAttribute("data-printing", "");
      window.addEventListener("afterprint", () => card.removeAttribute("data-printing"), { once: true });
    }
    window.print();
  };
  return (
    <Button type="button" variant="secondary" className="no-print self-start" onClick={print}>
      {label}
    </Button>
  );
}
