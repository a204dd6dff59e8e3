import { defineProject } from 'vitest/config';

export default defineProject({
  // Renderer tests (test/renderer/*.test.tsx) pick happy-dom with a `@vitest-environment` comment;
  // everything else (printer, main process) runs in plain Node.
  test: { name: 'kiosk', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});
