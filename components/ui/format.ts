/** A festival day ("2027-01-16") as an instant at midnight in Hefei (UTC+8, no daylight saving). */
export function festivalDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}
