import { describe, expect, it } from "vitest";
import { refused, succeeded, toActionState } from "./action-state";
import { fail, ok } from "./result";

const typed = { note: "下午三点到" };

describe("a result as a form's state", () => {
  it("hands back what was typed, on success too unless the form shows the saved data", () => {
    expect(toActionState(ok({ version: 2 }), typed)).toMatchObject({ ok: true, data: { version: 2 }, values: typed });
    const saved = toActionState(ok({ version: 2 }), typed, { keep: "refused" });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    expect(saved.values).toBeUndefined();
    const refusal = toActionState(fail("invalid", { note: ["too_long"] }), typed, { keep: "refused" });
    expect(refusal).toMatchObject({ ok: false, code: "invalid", fieldErrors: { note: ["too_long"] }, values: typed });
  });

  it("gives each submission its own moment, so the same message is announced again", () => {
    expect(typeof refused("nothing_selected").at).toBe("number");
    expect(refused("nothing_selected", { values: typed })).toMatchObject({ ok: false, code: "nothing_selected" });
    expect(succeeded({ changed: 3 })).toMatchObject({ ok: true, data: { changed: 3 } });
  });
});
