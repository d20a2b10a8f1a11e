import { notFound } from "next/navigation";

/** Any address without a page gets the translated "page not found". */
export default function Missing() {
  notFound();
}
