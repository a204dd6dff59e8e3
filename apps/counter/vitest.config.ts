import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'counter',
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
  },
});
