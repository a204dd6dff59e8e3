import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'hub',
    include: ['test/**/*.test.ts'],
    // One real PostgreSQL (the embedded one) for the whole run; each test file gets its own database.
    globalSetup: ['test/support/global-postgres.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
