// Client-safe: the root layout renders the script, the switch sets the cookie, tests run both.

/** The cookie that keeps senior mode on for a year; absent means off. */
export const SENIOR_COOKIE = "senior";
/** The class on <html> that the stylesheet's `senior:` variant and senior rules key on. */
export const SENIOR_CLASS = "senior";

const MAX_AGE = 365 * 86400;

/** What `document.cookie` is set to, to turn the mode on or off (the server action sets the same). */
export function seniorModeCookie(on: boolean): string {
  return on
    ? `${SENIOR_COOKIE}=1; path=/; max-age=${MAX_AGE}; samesite=lax`
    : `${SENIOR_COOKIE}=; path=/; max-age=0; samesite=lax`;
}

export const SENIOR_COOKIE_OPTIONS = { path: "/", maxAge: MAX_AGE, sameSite: "lax" } as const;

/**
 * Runs in <head> before the body is parsed, so the first paint is already in senior mode: every
 * reader gets the same (cacheable) HTML and the cookie decides in the browser. It must not throw
 * (cookies can be blocked) and stays one short line.
 */
export const SENIOR_MODE_SCRIPT =
  `try{if(/(?:^|;\\s*)${SENIOR_COOKIE}=1(?:;|$)/.test(document.cookie))` +
  `document.documentElement.classList.add(${JSON.stringify(SENIOR_CLASS)})}catch(e){}`;
