// The layer table of docs/ARCHITECTURE.md, enforced: a wrong import fails the build, not a review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'url'];
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      '**/.vite/**',
      'data/**',
      'hub-data/**',
      '**/test-output/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a union instead of an enum.',
        },
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Named exports only (default exports are for config files).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Config files sit outside the packages' tsconfig; they get the untyped rules only.
    files: [
      '**/*.config.{js,ts,mjs}',
      '**/vite.config.ts',
      '**/vitest.config.ts',
      '**/electron.vite.config.ts',
    ],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      '**/*.config.{js,ts,mjs}',
      '**/vite.config.ts',
      '**/vitest.config.ts',
      '**/electron.vite.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // shared/: pure TypeScript. No Node, Electron, React, database or network.
  {
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'shared/ is pure: time, ids and I/O come in as arguments.' },
        {
          group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'socket.io', 'socket.io-client'],
          message: 'shared/ is pure.',
        },
        {
          group: ['@luot/server', '**/server/**', '**/apps/**'],
          message: 'shared/ depends on nothing of ours.',
        },
      ]),
    },
  },
  // server/db and server/realtime are adapters that never know each other.
  {
    files: ['server/src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/realtime/**', 'socket.io', 'socket.io-adapter', '**/http/**'],
          message: 'server/db never imports the transport.',
        },
      ]),
    },
  },
  {
    files: ['server/src/realtime/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/db/**', 'better-sqlite3'],
          message: 'server/realtime talks to the command service, never to the database.',
        },
      ]),
    },
  },
  // server/app: the command service and the console's use cases. It reaches storage through the db
  // stores and never knows how it is reached (no transport, no HTTP framework, no CLI).
  {
    files: ['server/src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: [
            '**/http/**',
            '**/realtime/**',
            '**/cli/**',
            'fastify',
            '@fastify/*',
            'socket.io',
            'socket.io-adapter',
          ],
          message: 'server/app is reached by the transports; it never imports them.',
        },
        {
          group: ['**/hub-link/**'],
          message:
            "Shipping to the province hub is never in a command's path: hall-server.ts wires it beside the service.",
        },
        { group: ['better-sqlite3'], message: 'server/app reaches the database through server/db only.' },
      ]),
    },
  },
  // server/http: the Fastify edge. It calls the app layer, never the stores or the other transport.
  {
    files: ['server/src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/db/**', 'better-sqlite3', '**/reports/**'],
          message: 'server/http calls server/app; storage and reports are behind it.',
        },
        {
          group: ['**/realtime/**', 'socket.io', 'socket.io-adapter', '**/cli/**'],
          message: 'server/http is one transport of two.',
        },
      ]),
    },
  },
  // server/hub-link: ships the hall's log to the province hub in the background. It reads through the
  // outbox port it is given (no database, no transport of its own) and talks to the hub with fetch.
  {
    files: ['server/src/hub-link/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: [
            '**/db/**',
            'better-sqlite3',
            '**/http/**',
            '**/realtime/**',
            '**/cli/**',
            '**/app/**',
            'fastify',
            '@fastify/*',
            'socket.io',
            'socket.io-adapter',
          ],
          message: 'server/hub-link reads the outbox port it is given and talks only to the hub.',
        },
      ]),
    },
  },
  // server/cli: the hall PC's commands. It works on the database file beside the running server.
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/http/**', '**/realtime/**', 'fastify', '@fastify/*', 'socket.io', 'socket.io-adapter'],
          message: 'server/cli uses server/app and server/db, never a transport.',
        },
      ]),
    },
  },
  // client/: the browser side of the protocol, shared by every web app.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@luot/server', '@luot/server/**', '**/server/src/**', '**/apps/**'],
          message: 'client/ talks to the server over the protocol and knows no app.',
        },
        { group: ['electron', ...nodeBuiltins, 'socket.io'], message: 'client/ is browser code.' },
      ]),
    },
  },
  // Apps never import the server; the kiosk renderer never imports Electron or Node.
  {
    files: ['apps/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@luot/server', '@luot/server/**', '**/server/src/**'],
          message: 'Apps talk to the server over the protocol only.',
        },
      ]),
    },
  },
  {
    files: [
      'apps/kiosk/src/renderer/**/*.{ts,tsx}',
      'apps/counter/src/**/*.{ts,tsx}',
      'apps/display/src/**/*.{ts,tsx}',
      'apps/admin/src/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@luot/server', '@luot/server/**', '**/server/src/**'],
          message: 'Apps talk to the server over the protocol only.',
        },
        {
          group: ['electron', ...nodeBuiltins],
          message: 'Browser code: no Electron or Node (the preload bridge is the only door).',
        },
        {
          group: ['**/main/**', '**/preload/**'],
          message: 'The renderer reaches the main process through the preload bridge only.',
        },
      ]),
    },
  },
  {
    files: ['**/test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', '**/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
