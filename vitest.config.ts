import { defineConfig } from 'vitest/config';

// One test run over every package; each package keeps its own config beside its code.
export default defineConfig({
  test: {
    projects: ['shared', 'client', 'server', 'hub', 'apps/*', 'scripts', 'e2e'],
    // Suites start real servers, child processes and Chromium: two at a time suits the 2-core machines.
    maxWorkers: 2,
  },
});
