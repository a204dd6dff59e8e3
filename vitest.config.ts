import { defineConfig } from 'vitest/config';

// One test run over every package; each package keeps its own config beside its code.
export default defineConfig({
  test: {
    projects: ['shared', 'client', 'server', 'apps/*', 'e2e'],
  },
});
