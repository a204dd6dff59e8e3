/**
 * The policy simulator (docs/ADMIN.md, "Policy simulator"): a past day's real arrivals replayed through
 * the hall's own pure `decide`/`evolve` under a candidate setup, side by side with what really happened.
 * Pure: the server's analysis worker reads the days from the event log and calls `runSimulation`.
 */
export * from './recorded-day.ts';
export * from './simulate.ts';
export * from './compare.ts';
export * from './local-time.ts';
export * from './random.ts';
export * from './run.ts';
