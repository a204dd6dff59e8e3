import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    globalSetup: ['./support/build-apps.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Chromium at a time (two cores), after every other project: a group of its own.
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
