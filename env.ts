import { z } from "zod";

// Every environment variable the app reads, each with its rule, in one place. `checkEnv()` runs at
// start-up (instrumentation.ts) and refuses to start with every bad value named; `env.X` reads one
// variable when it is needed and checks only that one, so `next build` and a test that stubs a
// variable never trip over one they do not use. Unset and empty are the same ("" is what
// `FOO= npm start` and a stubbed variable give).

export type EnvSource = Record<string, string | undefined>;

const isProduction = (source: EnvSource) => source.NODE_ENV === "production";
/** Inside the Vitest suite only: never in a server started by `next start` (NODE_ENV=production). */
const isTestRun = (source: EnvSource) => !!source.VITEST && !isProduction(source);

export const PRODUCTION_SCRYPT_N = 2 ** 17;
/** The lowest cost the test suite may ask for (and the lowest a stored hash is checked at in it). */
export const TEST_SCRYPT_N_MIN = 2 ** 10;
const SECRET_MIN_LENGTH = 32;

const wholeNumber = (min: number, what: string) => {
  const error = (iss: { input: unknown }) => `must be ${what}, not "${String(iss.input)}"`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, { error })
    .refine((raw) => Number(raw) >= min, { error })
    .transform(Number);
};

/** Needed only by the SMS provider that is configured (any real one, or just `only`). */
const smsSetting = (source: EnvSource, what: string, only?: "aliyun" | "tencent") => {
  const provider = source.SMS_PROVIDER || "outbox";
  const needed = only ? provider === only : provider !== "outbox";
  return needed ? z.string({ error: `must be set with SMS_PROVIDER=${provider}: ${what}` }) : z.string().optional();
};

/** A provider's address: its public one by default, a local test server in the tests. */
const endpoint = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: (iss) => `must be an http(s):// address, not "${String(iss.input)}"` })
    .default(fallback);

/** Each variable's rule; some depend on the others (production, the test suite). */
const rules = {
  NODE_ENV: () => z.string().optional(),
  VITEST: () => z.string().optional(),
  /** Set by Next while it builds: the database is not opened then. */
  NEXT_PHASE: () => z.string().optional(),
  // The value is never repeated in the message: it may carry a password.
  DATABASE_URL: () =>
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// address (unset: embedded PGlite)" }).optional(),
  DATABASE_POOL_SIZE: () => wholeNumber(1, "a whole number of connections, 1 or more").default(10),
  PGLITE_DIR: () => z.string().optional(),
  NEXTAUTH_URL: () =>
    z
      .url({
        protocol: /^https?$/,
        error: (iss) => `must be the site's public origin, e.g. https://linli.example.org, not "${String(iss.input)}"`,
      })
      .transform((url) => url.replace(/\/$/, ""))
      .optional(),
  // Unset, a secret is made once and kept in .data/ (lib/auth/secret.ts); a short one in production
  // is refused, since it signs every session and seals every ballot.
  NEXTAUTH_SECRET: (source: EnvSource) =>
    isProduction(source)
      ? z
          .string()
          .min(SECRET_MIN_LENGTH, {
            error: `must be at least ${SECRET_MIN_LENGTH} characters in production (openssl rand -base64 32)`,
          })
          .optional()
      : z.string().optional(),
  // How many proxies in front of the server append to X-Forwarded-For (nginx's
  // $proxy_add_x_forwarded_for, a load balancer). 0: none, the client is the socket's address.
  TRUSTED_PROXY_HOPS: () => wholeNumber(0, "the number of proxies in front of the server (0: none)").default(0),
  // A session slides while it is used, but never outlives this many days from the sign-in.
  SESSION_MAX_DAYS: () => wholeNumber(1, "a whole number of days, 1 or more").default(30),
  // The demo community (with its published passwords) only when asked for: `npm run demo` sets it.
  LINLI_SEED: () =>
    z
      .enum(["demo", "off"], {
        error: (iss) =>
          `must be "demo" (an empty database gets the demo community) or "off" (the default: it stays empty), not "${String(iss.input)}"`,
      })
      .default("off"),
  // Text messages (one-time codes). Unset: the outbox, which keeps each message for the admins to
  // read at /dashboard/messages. A real provider needs its keys, the approved sign name and one
  // approved template per kind of message; each is refused at start-up when missing.
  SMS_PROVIDER: () =>
    z
      .enum(["outbox", "aliyun", "tencent"], {
        error: (iss) => `must be "outbox" (the default), "aliyun" or "tencent", not "${String(iss.input)}"`,
      })
      .default("outbox"),
  SMS_SIGN_NAME: (source: EnvSource) => smsSetting(source, "the sign name the provider approved, e.g. 邻里"),
  SMS_TEMPLATE_SIGNUP_CODE: (source: EnvSource) => smsSetting(source, "the template id of the sign-up code"),
  SMS_TEMPLATE_SIGNUP_EXISTING: (source: EnvSource) =>
    smsSetting(source, "the template id of the note to a number that already has an account"),
  SMS_TEMPLATE_RESET_CODE: (source: EnvSource) => smsSetting(source, "the template id of the password-reset code"),
  SMS_TEMPLATE_RESET_NO_ACCOUNT: (source: EnvSource) =>
    smsSetting(source, "the template id of the note to a number that has no account"),
  SMS_TEMPLATE_PHONE_CHANGE_CODE: (source: EnvSource) =>
    smsSetting(source, "the template id of the code that confirms a corrected number at the service desk"),
  ALIYUN_SMS_ACCESS_KEY_ID: (source: EnvSource) => smsSetting(source, "the AccessKey ID", "aliyun"),
  ALIYUN_SMS_ACCESS_KEY_SECRET: (source: EnvSource) => smsSetting(source, "the AccessKey secret", "aliyun"),
  ALIYUN_SMS_ENDPOINT: () => endpoint("https://dysmsapi.aliyuncs.com"),
  TENCENT_SMS_SECRET_ID: (source: EnvSource) => smsSetting(source, "the SecretId", "tencent"),
  TENCENT_SMS_SECRET_KEY: (source: EnvSource) => smsSetting(source, "the SecretKey", "tencent"),
  TENCENT_SMS_SDK_APP_ID: (source: EnvSource) => smsSetting(source, "the SMS SdkAppId, e.g. 1400000000", "tencent"),
  /** A shared address (a service centre's Wi-Fi, a test run) may need more. */
  SMS_CODES_PER_ADDRESS_PER_DAY: () => wholeNumber(1, "a whole number of text messages, 1 or more").default(20),
  /** The most text messages (not codes) one person gets in a day; the rest wait in the app. */
  SMS_PER_PERSON_PER_DAY: () => wholeNumber(1, "a whole number of text messages, 1 or more").default(5),
  /** Hours (community time) in which text messages are held until the end: "21:00-08:00", or "off". */
  SMS_QUIET_HOURS: () =>
    z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, {
        error: (iss) => `must be like 21:00-08:00, or off, not "${String(iss.input)}"`,
      })
      .default("21:00-08:00"),
  SMS_TEMPLATE_WAITLIST_PROMOTED: (source: EnvSource) =>
    smsSetting(source, "the template id of 'a place came free for you'"),
  SMS_TEMPLATE_CLAIM_LAPSING: (source: EnvSource) =>
    smsSetting(source, "the template id of 'your claim on a micro-wish lapses tomorrow'"),
  SMS_TEMPLATE_CLAIM_LAPSED: (source: EnvSource) =>
    smsSetting(source, "the template id of 'your claim on a micro-wish lapsed'"),
  SMS_TEMPLATE_SHIFT_REMINDER: (source: EnvSource) =>
    smsSetting(source, "the template id of 'your backstage shift is tomorrow / in two hours'"),
  SMS_TEMPLATE_ITEM_REMINDER: (source: EnvSource) =>
    smsSetting(source, "the template id of 'your act or event is tomorrow / in an hour'"),
  SMS_TEMPLATE_MATCH_REMINDER: (source: EnvSource) =>
    smsSetting(source, "the template id of 'your match (round, table) is in an hour'"),
  SMS_TEMPLATE_SLOT_MOVED: (source: EnvSource) =>
    smsSetting(source, "the template id of 'the time or place of your item changed'"),
  SMS_TEMPLATE_VOTING_OPENS: (source: EnvSource) =>
    smsSetting(source, "the template id of 'the Neighbourhood Star vote opens tomorrow'"),
  SMS_TEMPLATE_VOTING_CLOSES: (source: EnvSource) =>
    smsSetting(source, "the template id of 'the Neighbourhood Star vote closes tomorrow'"),
  SMS_TEMPLATE_BROADCAST: (source: EnvSource) =>
    smsSetting(source, "the template id of an organiser's message to a group"),
  /** The job queue: off leaves it to `npm run worker` (Postgres), e.g. on the web servers of a cluster. */
  LINLI_WORKER: () =>
    z.enum(["on", "off"], { error: (iss) => `must be on or off, not "${String(iss.input)}"` }).default("on"),
  /** How often the queue looks for runs lost with a stopped server (and retries them), in seconds. */
  JOBS_MAINTENANCE_SECONDS: () => wholeNumber(1, "a whole number of seconds, 1 or more").default(60),
  /** Connections the job queue keeps to Postgres, beside the app's own pool. */
  JOBS_POOL_SIZE: () => wholeNumber(1, "a whole number of connections, 1 or more").default(3),
  TENCENT_SMS_REGION: () => z.string().default("ap-guangzhou"),
  TENCENT_SMS_ENDPOINT: () => endpoint("https://sms.tencentcloudapi.com"),
  // A server never hashes passwords at the test suite's low cost: the variable is refused outside it.
  LINLI_TEST_SCRYPT_N: (source: EnvSource) =>
    isTestRun(source)
      ? z
          .string()
          .refine(
            (raw) => {
              const n = Number(raw);
              return Number.isInteger(n) && n >= TEST_SCRYPT_N_MIN && n <= PRODUCTION_SCRYPT_N && (n & (n - 1)) === 0;
            },
            {
              error: (iss) =>
                `must be a power of two from ${TEST_SCRYPT_N_MIN} to ${PRODUCTION_SCRYPT_N}, not "${String(iss.input)}"`,
            },
          )
          .transform(Number)
          .optional()
      : z.undefined({ error: "is for the test suite only: unset it to run Linli" }),
} satisfies Record<string, (source: EnvSource) => z.ZodType>;

type Rules = typeof rules;
export type EnvKey = keyof Rules;
export type Env = { readonly [K in EnvKey]: z.output<ReturnType<Rules[K]>> } & {
  /** Inside the Vitest suite (never under `next start`). */
  readonly testRun: boolean;
};

/** A bad value, named with what is wrong. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `${problems[0]}.`
        : `The environment is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

function check<K extends EnvKey>(key: K, source: EnvSource) {
  const raw = source[key];
  const result = rules[key](source).safeParse(raw === "" ? undefined : raw);
  return result.success
    ? ({ ok: true, value: result.data as Env[K] } as const)
    : ({ ok: false, problem: `${key} ${result.error.issues[0].message}` } as const);
}

function read<K extends EnvKey>(key: K, source: EnvSource): Env[K] {
  const r = check(key, source);
  if (!r.ok) throw new EnvError([r.problem]);
  return r.value;
}

/** The variables of `source`, each read (and checked) when it is used. */
export function envFrom(source: EnvSource): Env {
  const vars = Object.defineProperty({}, "testRun", { get: () => isTestRun(source), enumerable: true });
  for (const key of Object.keys(rules) as EnvKey[])
    Object.defineProperty(vars, key, { get: () => read(key, source), enumerable: true });
  return vars as Env;
}

/** The app's environment. Read it here, never from `process.env`. */
export const env: Env = envFrom(process.env);

/** Every variable checked at once; throws an `EnvError` naming each bad one. */
export function checkEnv(source: EnvSource = process.env): void {
  const problems = (Object.keys(rules) as EnvKey[]).flatMap((key) => {
    const r = check(key, source);
    return r.ok ? [] : [r.problem];
  });
  // A real community runs on its own secret at its own address; only the demo may make do.
  if (isProduction(source) && source.LINLI_SEED !== "demo") {
    if (!source.NEXTAUTH_SECRET)
      problems.push(
        "NEXTAUTH_SECRET must be set in production (openssl rand -base64 32), or LINLI_SEED=demo for the demo",
      );
    if (!source.NEXTAUTH_URL)
      problems.push(
        "NEXTAUTH_URL must be set in production to the site's public origin, e.g. https://linli.example.org",
      );
  }
  if (problems.length) throw new EnvError(problems);
}
