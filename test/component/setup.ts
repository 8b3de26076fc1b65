import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadAll } from '../../src/ui/common/lazy';

// Lazily loaded dialogs and tabs render at once after their chunk has arrived: load them all
// before the tests, which read the DOM right after a click (test/component/Lazy.test.tsx covers the waiting).
beforeAll(() => preloadAll());

afterEach(() => cleanup());
