import { afterEach, describe, expect, it, vi } from "vitest";
import { postForm, postJson } from "./post";

afterEach(() => vi.unstubAllGlobals());

describe("posting a form to a route", () => {
  it("sends JSON and reads the route's result, refusals included", async () => {
    const fetch = vi.fn(async () => Response.json({ ok: false, code: "already_voted" }, { status: 409 }));
    vi.stubGlobal("fetch", fetch);
    expect(await postJson("/api/stars/ballots", { categoryId: "c" })).toEqual({ ok: false, code: "already_voted" });
    expect(fetch).toHaveBeenCalledWith("/api/stars/ballots", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"categoryId":"c"}',
    });
  });

  it("answers unknown when the connection fails or the answer is not the route's JSON", async () => {
    vi.stubGlobal("fetch", async () => new Response("<h1>Bad Gateway</h1>", { status: 502 }));
    expect(await postForm("/api/wishes", new FormData())).toEqual({ ok: false, code: "unknown" });
    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await postJson("/api/registrations", {}, { method: "PUT" })).toEqual({ ok: false, code: "unknown" });
  });
});
