// The report arithmetic lives in shared/ so the province hub computes with the same code (docs/HUB.md).
export * from '@luot/shared/reports';
