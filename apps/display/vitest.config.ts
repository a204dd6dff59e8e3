import { defineProject } from 'vitest/config';

// Pure logic runs in Node (cheap); the component tests opt into happy-dom with a
// `// @vitest-environment happy-dom` line, so the DOM is paid for only where it is used.
export default defineProject({
  test: { name: 'display', include: ['test/**/*.test.{ts,tsx}'], environment: 'node' },
});
