// Client-safe: a wish's time in minutes as the two numbers its message and its boxes take.

export const hoursAndMinutes = (total: number) => ({ hours: Math.floor(total / 60), minutes: total % 60 });
