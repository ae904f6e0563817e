// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeScriptFiles = ['src/**/*.ts', 'test/**/*.ts', 'mikro-orm.config.ts'];
const testFiles = ['src/**/*.spec.ts', 'test/**/*.ts'];

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    '.data/',
    'bench/results/',
    // CommonJS config read by Jest only; not worth a separate language setup.
    'jest.config.js',
    // An integrator's script against types generated at test time: typed-client.e2e-spec.ts
    // type-checks it under --strict (and refuses casts in it) once the types exist.
    'test/openapi/client/',
  ]),

  js.configs.recommended,

  {
    name: 'phone-billing/javascript',
    files: ['**/*.{js,mjs}'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    name: 'phone-billing/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },

  {
    name: 'phone-billing/typescript',
    files: typeScriptFiles,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Nest modules are decorated empty classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },

  {
    name: 'phone-billing/tests',
    files: testFiles,
    languageOptions: { globals: globals.jest },
    rules: {
      // supertest bodies and jest matchers are typed `any`; asserting on them is the point of a test.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(fake.method).toHaveBeenCalled() passes a method reference on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    name: 'phone-billing/pure-domain',
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                '@mikro-orm/*',
                'class-validator',
                'class-validator/*',
                'class-transformer',
                'class-transformer/*',
              ],
              message:
                'The domain is pure: no framework, ORM, validation or Swagger imports. ' +
                'Map persistence and HTTP from infrastructure/ and http/ instead.',
            },
          ],
        },
      ],
    },
  },

  // Last: switches off every stylistic rule that Prettier owns.
  prettier,
);
