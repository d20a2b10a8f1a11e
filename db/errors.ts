/** Whether a database error (or one it wraps, as drizzle does) is a unique-index violation. */
export const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: unknown } | null;
  return !!err && (err.code === "23505" || isUniqueViolation(err.cause));
};
