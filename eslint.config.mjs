// ESLint flat config: the recommended JavaScript and typescript-eslint rules, syntax only (no type information, so it stays fast).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'demo-out/', 'coverage/', '.tmp/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The plain .js files (webpack and jest configs, the icon generator, the jest reporter) are CommonJS: require is how they import.
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The task pane, the commands page and the preview run in the browser (Office's webview or Chromium).
  {
    files: ['src/taskpane/**', 'src/commands/**', 'src/preview/**', 'src/fake-excel/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The React rules of hooks only (the plugin's newer React Compiler rules are not used here).
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    // The text report separates its fields with runs of spaces, and tests match its lines literally.
    rules: { 'no-regex-spaces': 'off' },
  },
);
