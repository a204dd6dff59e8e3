import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'province',
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
  },
});
