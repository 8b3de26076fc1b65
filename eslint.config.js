import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Outside the engine, its code is reached through its entries: src/engine (index.ts: model,
// analyses, plans, text), src/engine/edit (the Edit union and its reducer: the designer's API) and
// src/engine/io (files and formats, imported by the file actions and the on-demand export chunk).
// A dynamic import() may load one module of io on demand (the share-link decoder); the rule does
// not look at dynamic imports.
const engineEntries = [
  {
    group: ['**/engine/*', '**/engine/**', '!**/engine/edit', '!**/engine/io'],
    message: 'Import the engine through src/engine (index.ts), src/engine/edit or src/engine/io; export what you need from there.',
  },
];

// Derived state has one home per store (src/store/derived.ts): read the pair's selection, its
// streams, all pairs and the checks there, so the screen and the exports share one computation.
const derivedOnly = {
  group: ['**/engine'],
  importNames: ['selectMigrationPath', 'streamsOf', 'analyzeAllPairs', 'runChecks'],
  message: 'Read derived state from src/store/derived.ts (activeSelection, pairSelections, streamsOfSelection, allPairs, checks).',
};

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
    // The engine is pure TypeScript: no UI library, no DOM, no browser globals, and nothing of the
    // layers above it by any path (a relative '../../store/appStore' as much as a package).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: uiModules, message: 'src/engine must stay free of React, zustand and cytoscape.' },
        { group: ['**/store', '**/store/**', '**/canvas', '**/canvas/**', '**/ui', '**/ui/**'], message: 'src/engine never imports src/store, src/canvas or src/ui: pass what it needs as data.' },
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['cytoscape', 'cytoscape-*', 'react-dom'], message: 'The store does not know the view.' },
        { group: ['**/canvas', '**/canvas/**', '**/ui', '**/ui/**'], message: 'The store does not know the view: src/store imports the engine only.' },
        ...engineEntries,
        derivedOnly,
      ] }],
    },
  },
  {
    // The canvas is a view behind an adapter: it reads the store and the engine, never the React UI
    // (components that sit on the canvas live in src/ui/canvas).
    files: ['src/canvas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/ui', '**/ui/**'], message: 'src/canvas never imports src/ui: put the component in src/ui/canvas, or the shared piece in src/canvas or src/store.' },
        { group: ['react', 'react-dom', 'react-dom/*'], message: 'src/canvas has no React: components go to src/ui/canvas.' },
        ...engineEntries,
        derivedOnly,
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...engineEntries, derivedOnly] }],
    },
  },
  {
    // The one home of derived state, and the workers (which compute off the main thread what the
    // panels then show), may call the engine's analyses themselves.
    files: ['src/store/derived.ts', 'src/ui/**/*.worker.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: engineEntries }],
    },
  },
);
