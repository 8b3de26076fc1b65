/**
 * `window.__lmpv` as tests and the benchmark see it (src/ui/testHandle.ts documents it): every
 * field present, since they read it once the diagram is mounted. Import this file (for its types)
 * instead of re-typing the handle: `import './handle';` then `window.__lmpv.cy` inside
 * `page.evaluate` typechecks.
 */
import type { Core } from 'cytoscape';
import type { LmpvHandle } from '../../src/ui/testHandle';

export type Handle = Required<LmpvHandle> & { overlay: Core };

declare global {
  interface Window {
    __lmpv: Handle;
  }
}
