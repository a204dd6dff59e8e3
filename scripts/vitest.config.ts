import { defineProject } from 'vitest/config';

// The repository's own tools (bootstrap, the offline hall bundle's launchers): plain Node tests.
export default defineProject({
  test: { name: 'scripts', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
