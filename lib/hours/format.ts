// Client-safe: minutes shown as hours, to a tenth ("2.5" for 150 minutes).

export const hoursOf = (minutes: number) => (Math.round(minutes / 6) / 10).toFixed(1);
