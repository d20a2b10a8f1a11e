// The one fixed order of the candidates on paper: by the strokes of their names (姓氏笔画, the
// order Chinese ballots use), then by id for the same name. The printed ballot and the desk's
// form show the same order, so the desk types each tick in where it stands on the slip.

const byStrokes = new Intl.Collator("zh-CN-u-co-stroke");

export function paperOrder<T extends { id: string; name: string }>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => byStrokes.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
