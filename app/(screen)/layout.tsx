/** A screen at the venue: dark, very large type, nothing to click. */
export default function ScreenLayout({ children }: { children: React.ReactNode }) {
  return <main id="main" className="min-h-screen bg-red-deep p-6 text-white lg:p-12">{children}</main>;
}
