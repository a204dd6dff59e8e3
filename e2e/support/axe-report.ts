import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { SCREENSHOT_DIR } from './browser.ts';

/** Every page state's axe figures land here as JSON lines (gitignored), for the whole e2e run. */
export const AXE_REPORT = path.resolve(SCREENSHOT_DIR, '..', 'axe-report.jsonl');

/** One page state's axe result, as written to {@link AXE_REPORT} and printed. */
export interface PageStateAudit {
  readonly state: string;
  readonly url: string;
  readonly viewport: { readonly width: number; readonly height: number } | null;
  /** Violating nodes per impact. */
  readonly counts: Readonly<Record<Impact, number>>;
  readonly violations: readonly {
    readonly id: string;
    readonly impact: Impact | null;
    readonly nodes: number;
    readonly help: string;
    readonly targets: readonly string[];
  }[];
}

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
/** How bad an axe violation is. */
export type Impact = (typeof IMPACTS)[number];

/** The figures of one axe run over one page state. */
export function summariseAxe(
  state: string,
  url: string,
  viewport: PageStateAudit['viewport'],
  results: Pick<AxeResults, 'violations'>,
): PageStateAudit {
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of results.violations) {
    if (violation.impact) counts[violation.impact] += violation.nodes.length;
  }
  return {
    state,
    url,
    viewport,
    counts,
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      nodes: violation.nodes.length,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    })),
  };
}

/** One line: the state, its figures by impact, and each violated rule with its node count. */
export function describeAudit(audit: PageStateAudit): string {
  const figures = IMPACTS.map((impact) => `${impact} ${audit.counts[impact]}`).join(', ');
  const rules = audit.violations.map((violation) => `${violation.impact}:${violation.id}×${violation.nodes}`);
  return `axe ${audit.state}: ${figures}${rules.length > 0 ? ` — ${rules.join(' ')}` : ''}`;
}

/** Start a fresh report (once per run, from the global setup). */
export function resetAxeReport(): void {
  mkdirSync(path.dirname(AXE_REPORT), { recursive: true });
  writeFileSync(AXE_REPORT, '');
}

/** Add one page state's figures to the run's report. */
export function recordAudit(audit: PageStateAudit): void {
  mkdirSync(path.dirname(AXE_REPORT), { recursive: true });
  appendFileSync(AXE_REPORT, `${JSON.stringify(audit)}\n`);
}

/** The run's axe figures, totals first then one line per page state. */
export function axeSummary(): string {
  let lines: string[];
  try {
    lines = readFileSync(AXE_REPORT, 'utf8').split('\n').filter(Boolean);
  } catch {
    return 'axe: no page state was audited';
  }
  const audits = lines.map((line) => JSON.parse(line) as PageStateAudit);
  const totals: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const audit of audits) for (const impact of IMPACTS) totals[impact] += audit.counts[impact];
  return [
    `axe over ${audits.length} page states: ${IMPACTS.map((impact) => `${impact} ${totals[impact]}`).join(', ')}`,
    ...audits.map(describeAudit),
  ].join('\n');
}
