// The job queue's queues: what each is for, how often it retries and how long a run may take.
// Read by the database layer (which creates them) and by the worker (which serves them).

export interface QueuePolicy {
  /** Tries after the first, each later than the one before (exponential backoff). */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** A run that takes longer is taken as lost and retried. */
  expireInSeconds: number;
  /** Runs on a schedule (cron, in the community's time zone) as well as when sent. */
  cron?: string;
}

export const QUEUES = {
  /** One text message of the delivery log, sent once its time has come. */
  "messages.sms": { retryLimit: 4, retryDelay: 30, expireInSeconds: 30 },
  /** One claim on a micro-wish, at the moment it lapses. */
  "wishes.claim-lapse": { retryLimit: 5, retryDelay: 15, expireInSeconds: 120 },
  /** The volunteer's reminder a day before their claim lapses. */
  "wishes.claim-reminder": { retryLimit: 5, retryDelay: 15, expireInSeconds: 120 },
  /** Every claim past its time, in case one's own job was lost (claims made before the queue). */
  "wishes.lapse-sweep": { retryLimit: 1, retryDelay: 60, expireInSeconds: 300, cron: "*/10 * * * *" },
  /** A programme was published: its items' reminders are set, and those whose slot moved are told. */
  "programme.published": { retryLimit: 5, retryDelay: 15, expireInSeconds: 300 },
  /** An hour before a match that starts later than its event: both sides' players. */
  "reminders.match": { retryLimit: 5, retryDelay: 15, expireInSeconds: 300 },
  /** The day before and the hour before an item: those who perform, play or help in it. */
  "reminders.item": { retryLimit: 5, retryDelay: 15, expireInSeconds: 300 },
  /** The day before and two hours before a backstage shift: its helpers. */
  "reminders.shift": { retryLimit: 5, retryDelay: 15, expireInSeconds: 300 },
  /** The day before the vote opens or closes: the verified residents who asked. */
  "reminders.voting": { retryLimit: 5, retryDelay: 15, expireInSeconds: 600 },
  /** An organiser's message to a group, at the time they chose. */
  "messages.broadcast": { retryLimit: 5, retryDelay: 15, expireInSeconds: 600 },
  /** A patrol still going at midnight: closed at its leader's stated end, and flagged. */
  "posts.patrol-close": { retryLimit: 5, retryDelay: 30, expireInSeconds: 120 },
  /** Neighbourhood Star ballots of closed votes are parted from their voters. */
  "stars.mix": { retryLimit: 1, retryDelay: 30, expireInSeconds: 300, cron: "* * * * *" },
} as const satisfies Record<string, QueuePolicy>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** The Postgres schema the queue keeps its tables in. */
export const QUEUE_SCHEMA = "pgboss";
