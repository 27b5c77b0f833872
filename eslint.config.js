import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.tmp/**', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // XML 1.0 forbids most control characters; stripping them needs them in a pattern.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': [
        'error',
        {
          // The browser's locale and zone would show another day and another format: one format, Viet Nam time.
          selector:
            "CallExpression[callee.object.type='NewExpression'][callee.object.callee.name='Date'][callee.property.name=/^toLocale/]",
          message: 'Show dates with formatDate / formatMoment from @common/format/date (dd/mm/yyyy HH:mm, Viet Nam time).',
        },
      ],
    },
  },
  {
    // Routes are thin (CONVENTIONS.md): parse, authorise, call a service or a repository, shape the reply. No SQL in a
    // handler. Opening a transaction around one service call is still allowed; certificates.routes.ts and
    // sanctions.routes.ts do so and are the next to move it into their services.
    files: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'Routes hold no SQL: put the query in a repository or service.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|with)$/]',
          message: 'Routes hold no SQL: put the query in a repository or service.',
        },
      ],
    },
  },
  {
    // Pure rules stay pure: no database, HTTP, file system or UI in src/domain.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg', 'react', 'react-*', '@db/*', '@modules/*', '@http/*'],
              message: 'src/domain holds pure rules: no I/O or framework imports.',
            },
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process'],
              message: 'src/domain holds pure rules: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser and the shared contract never reach into the server: only pure rules (@domain) and common/.
    files: ['web/src/**/*.{ts,tsx}', 'common/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@modules/*',
                '@db/*',
                '@http/*',
                '@errors/*',
                '@files/*',
                '@config/*',
                '**/src/modules/**',
                '**/src/db/**',
                '**/src/http/**',
              ],
              message: 'web/ and common/ must not import server code; share shapes through common/.',
            },
            {
              group: ['fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg', 'node:*'],
              message: 'web/ and common/ run in the browser too: no server or Node-only imports.',
            },
          ],
        },
      ],
    },
  },
);
