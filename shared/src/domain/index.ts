/**
 * The pure domain core of Lượt: types, the queue state machine, the call-next policy, numbering,
 * business days and wait estimates. No I/O: time, ids and the hall's configuration are arguments.
 */
export * from './ids.ts';
export * from './config.ts';
export * from './config-rules.ts';
export * from './config-summary.ts';
export * from './business-day.ts';
export * from './numbering.ts';
export * from './state.ts';
export * from './events.ts';
export * from './commands.ts';
export * from './result.ts';
export * from './policy.ts';
export * from './evolve.ts';
export * from './decide.ts';
export * from './wait-estimate.ts';
export * from './projection.ts';
export * from './catalogue.ts';
export * from './live-calls.ts';
export * from './transfer-rules.ts';
export * from './credential-rules.ts';
export * from './zone-offsets.ts';
