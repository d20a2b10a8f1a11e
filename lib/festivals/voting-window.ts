// Once voting has opened, its window may only move in ways that neither reopen the rules nor
// cut the vote short behind the voters' backs: the start stays at or before now, the end at or
// after now; once voting has closed, neither moves. (Categories and candidates are fixed from the
// start of voting; a start moved into the future would unfix them.)

export interface VotingWindow {
  opens: Date | null;
  closes: Date | null;
}

// Forms carry minutes: a stored time with seconds that the form sends back unchanged is the same.
const minute = (d: Date | null) => (d ? Math.floor(d.getTime() / 60_000) : null);
const same = (a: Date | null, b: Date | null) => minute(a) === minute(b);

/** Field errors for a change the rules refuse, or null when the change may be saved. */
export function votingWindowRefusal(
  before: VotingWindow,
  after: VotingWindow,
  now: Date,
): { votingOpensAt?: string[]; votingClosesAt?: string[] } | null {
  if (!before.opens || now < before.opens) return null;
  const errors: { votingOpensAt?: string[]; votingClosesAt?: string[] } = {};
  const closed = !!before.closes && now > before.closes;
  if (!same(before.opens, after.opens) && (closed || !after.opens || after.opens > now))
    errors.votingOpensAt = [closed ? "voting_window_fixed" : "voting_start_locked"];
  if (!same(before.closes, after.closes) && (closed || !after.closes || after.closes < now))
    errors.votingClosesAt = [closed ? "voting_window_fixed" : "voting_end_passed"];
  return errors.votingOpensAt || errors.votingClosesAt ? errors : null;
}
