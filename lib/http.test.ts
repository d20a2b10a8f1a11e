import { describe, expect, it } from "vitest";
import { readJson, respond } from "./http";
import { fail, ok } from "./result";

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

describe("answering a service's result", () => {
  it("sends the result as it is, with the one status of its code, never cached", async () => {
    const answer = respond(fail("invalid", { story: ["required"] }));
    expect(answer.status).toBe(422);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(await answer.json()).toEqual({ ok: false, code: "invalid", fieldErrors: { story: ["required"] } });
    expect(respond(fail("unauthenticated")).status).toBe(401);
    expect(respond(fail("not_verified")).status).toBe(403);
    expect(respond(fail("wish_taken")).status).toBe(409);
    const done = respond(ok({ receipt: "K7Q2" }));
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true, data: { receipt: "K7Q2" } });
  });
});
