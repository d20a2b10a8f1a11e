export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** The page to show (a page past the end shows the last one) and where it starts. */
export function pageWindow(total: number, requested: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pageCount);
  return { page, pageCount, limit: size, offset: (page - 1) * size };
}
