import { describe, expect, it } from "vitest";
import { SENIOR_CLASS, SENIOR_MODE_SCRIPT, seniorModeCookie } from "./config";

/** Runs the head script against a document with this cookie; returns the classes <html> ends with. */
function run(cookie: string | (() => string)): string[] {
  const classes = new Set<string>();
  const document = {
    get cookie() {
      return typeof cookie === "function" ? cookie() : cookie;
    },
    documentElement: { classList: { add: (c: string) => classes.add(c) } },
  };
  new Function("document", SENIOR_MODE_SCRIPT)(document);
  return [...classes];
}

describe("the senior-mode head script", () => {
  it("sets the class when the cookie says on, wherever it sits among the cookies", () => {
    expect(run("senior=1")).toEqual([SENIOR_CLASS]);
    expect(run("NEXT_LOCALE=en; senior=1")).toEqual([SENIOR_CLASS]);
    expect(run("senior=1; NEXT_LOCALE=en")).toEqual([SENIOR_CLASS]);
  });

  it("leaves the page alone without the cookie, with another value, or with a look-alike name", () => {
    expect(run("")).toEqual([]);
    expect(run("senior=")).toEqual([]);
    expect(run("senior=10")).toEqual([]);
    expect(run("notsenior=1")).toEqual([]);
    expect(run("x=senior=1")).toEqual([]);
  });

  it("never throws where cookies are blocked (reading them throws a SecurityError)", () => {
    expect(
      run(() => {
        throw new Error("SecurityError");
      }),
    ).toEqual([]);
  });

  it("is one short line with nothing a page could inject", () => {
    expect(SENIOR_MODE_SCRIPT).not.toMatch(/[\n<]/);
    expect(SENIOR_MODE_SCRIPT.length).toBeLessThan(200);
  });
});

describe("the senior-mode cookie", () => {
  it("is read back by the head script when on, and cleared when off", () => {
    const on = seniorModeCookie(true);
    expect(run(on.split(";")[0])).toEqual([SENIOR_CLASS]);
    expect(on).toMatch(/; path=\/; max-age=31536000; samesite=lax$/);
    const off = seniorModeCookie(false);
    expect(run(off.split(";")[0])).toEqual([]);
    expect(off).toMatch(/max-age=0/);
  });
});
