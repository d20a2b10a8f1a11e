import { expect, it } from "vitest";
import { paperOrder } from "./paper-order";

it("orders candidates by the strokes of their names, then by id, whatever order they come in", () => {
  const names = ["周建华", "王秀英", "李桂兰", "丁一", "孙海涛", "王秀英"];
  const list = names.map((name, i) => ({ id: `id-${9 - i}`, name }));
  const ordered = paperOrder(list).map((c) => `${c.name}:${c.id}`);
  // 丁 2 strokes, 王 4, 孙 6, 李 7, 周 8; the two 王秀英 by id.
  expect(ordered).toEqual(["丁一:id-6", "王秀英:id-4", "王秀英:id-8", "孙海涛:id-5", "李桂兰:id-7", "周建华:id-9"]);
  expect(paperOrder([...list].reverse())).toEqual(paperOrder(list));
});
