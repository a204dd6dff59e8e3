/**
 * Report arithmetic shared by the hall server and the province hub: the same facts, the same formulas
 * (nearest-rank percentiles, satisfaction % of the hall's scale), so their figures always agree.
 */
export * from './report.ts';
