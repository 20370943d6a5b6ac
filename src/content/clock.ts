/** "Today" for every review decision, from one place; tests set a fixed clock. */

const systemClock = (): Date => new Date();
let clock: () => Date = systemClock;

/** Today's date in UTC, `YYYY-MM-DD`. */
export function today(): string {
  return clock().toISOString().slice(0, 10);
}

/** Replaces the clock `today()` reads (a test's fixed date); without an argument, back to the system clock. */
export function setClock(fn?: () => Date): void {
  clock = fn ?? systemClock;
}
