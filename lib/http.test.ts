import { describe, expect, it } from "vitest";
import { readJson } from "./http";

const req = (body: string, type = "application/json") =>
  new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": type }, body });

describe("reading a form's JSON body", () => {
  it("takes JSON and refuses other types, oversized and unreadable bodies", async () => {
    expect(await readJson(req('{"a":1}'))).toEqual({ ok: true, body: { a: 1 } });
    const status = async (r: Request) => {
      const read = await readJson(r);
      return read.ok ? 200 : read.response.status;
    };
    expect(await status(req('{"a":1}', "text/plain"))).toBe(415);
    expect(await status(req(JSON.stringify({ story: "长".repeat(30_000) })))).toBe(413);
    expect(await status(req("{not json"))).toBe(400);
  });
});
