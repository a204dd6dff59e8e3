import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageStateAudit } from './axe-report.ts';
import { describeAudit, recordAudit, summariseAxe } from './axe-report.ts';
import { saveScreenshot } from './browser.ts';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, evaluated in the page through the DevTools protocol (a CSP cannot stop it). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe-core on the page as it is now: all of axe's default rules (WCAG 2.x A/AA, best practices). */
export async function auditPage(page: Page, state: string): Promise<PageStateAudit> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<unknown> };
    };
    return (await axe.run(document, { resultTypes: ['violations'] })) as Pick<AxeResults, 'violations'>;
  });
  return summariseAxe(state, page.url(), page.viewportSize(), results);
}

/**
 * Text that does not fit where it is shown: an element that hides overflowing content (overflow hidden
 * or clip, the page itself included) whose content is larger than its box, or text cut with "…". An
 * element (or ancestor) marked `data-allow-overflow` is skipped (a scrolling ticker); scrollable boxes
 * (overflow auto/scroll) and form fields (which scroll their own value) are not clipping.
 */
export function findClippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = Array.from(element.classList, (name) => `.${name}`).join('');
      const testId = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `${element.tagName.toLowerCase()}${id}${classes}${testId ? `[data-testid=${testId}]` : ''} "${text}"`;
    };
    const hides = (value: string): boolean => value === 'hidden' || value === 'clip';
    const problems: string[] = [];
    const elements = [
      document.documentElement,
      document.body,
      ...Array.from(document.body.querySelectorAll('*')),
    ];
    for (const element of elements) {
      if (!(element instanceof HTMLElement) || element.closest('[data-allow-overflow]')) continue;
      // A text field scrolls its own value under the caret: that is editing, not clipping.
      if (element.matches('input, textarea, select')) continue;
      if (element.getClientRects().length === 0) continue; // not rendered
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const overflowsX = element.scrollWidth > element.clientWidth + 1;
      const overflowsY = element.scrollHeight > element.clientHeight + 1;
      if (style.textOverflow === 'ellipsis' && overflowsX) {
        problems.push(`cut with "…": ${describe(element)}`);
      } else if ((hides(style.overflowX) && overflowsX) || (hides(style.overflowY) && overflowsY)) {
        problems.push(
          `clipped (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}): ${describe(element)}`,
        );
      }
    }
    return problems;
  });
}

/**
 * One page state of an end-to-end test: a full-page screenshot to look at, and an axe-core audit.
 * Critical and serious violations fail the test (softly, so every later state of the run is still
 * audited); moderate and minor ones are printed and written to the run's report (`axe-report.jsonl`).
 */
export async function checkPageState(page: Page, state: string): Promise<PageStateAudit> {
  await saveScreenshot(page, state);
  const audit = await auditPage(page, state);
  recordAudit(audit);
  console.info(describeAudit(audit));
  const blocking = audit.violations.filter(
    (violation) => violation.impact === 'critical' || violation.impact === 'serious',
  );
  expect.soft(blocking, `critical or serious axe violations on ${state} (${audit.url})`).toEqual([]);
  const clipped = await findClippedText(page);
  if (clipped.length > 0) console.info(`clipped on ${state}:\n  ${clipped.join('\n  ')}`);
  expect.soft(clipped, `text clipped or cut with "…" on ${state} (${audit.url})`).toEqual([]);
  return audit;
}

/** What a page did wrong on a normal day. */
export interface PageProblems {
  /** Everything seen since the page was watched (or since the last {@link PageProblems.clear}). */
  list(): readonly string[];
  clear(): void;
}

/**
 * Watch a page for what a hall must never see on a normal day: a console error, a script error, a
 * request that failed or answered 4xx/5xx (a missing favicon, a logo the hall never set). Attach it
 * before the page loads.
 */
export function watchPage(page: Page): PageProblems {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    list: () => [...problems],
    clear: () => {
      problems.length = 0;
    },
  };
}
