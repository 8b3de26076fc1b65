import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const uiModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'zundo', 'cytoscape', 'cytoscape-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure TypeScript: no UI library, no DOM, no browser globals.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: uiModules, message: 'src/engine must stay free of React, zustand and cytoscape.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['cytoscape', 'cytoscape-*', 'react-dom'], message: 'The store does not know the view.' }] }],
    },
  },
  {
    // The canvas is a view behind an adapter: it reads the store and the engine, never the React UI
    // (components that sit on the canvas live in src/ui/canvas).
    files: ['src/canvas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui', '**/ui/**'], message: 'src/canvas never imports src/ui: put the component in src/ui/canvas, or the shared piece in src/canvas or src/store.' },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'src/canvas has no React: components go to src/ui/canvas.' },
          ],
        },
      ],
    },
  },
);
