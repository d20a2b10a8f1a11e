export function Alert({
  tone = "info",
  children,
  id,
}: {
  tone?: "info" | "error" | "success";
  children: React.ReactNode;
  id?: string;
}) {
  const tones = {
    info: "border-gold bg-gold-soft text-ink",
    error: "border-red-brand bg-red-soft text-red-deep",
    success: "border-green-ink bg-green-soft text-green-ink",
  };
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-xl border-l-4 px-4 py-3 text-lg ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
