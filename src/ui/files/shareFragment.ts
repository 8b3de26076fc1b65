/**
 * The view a share link carries after its data (`#<data>&pair=a,b&mode=legacy`). Its own module:
 * the share-link loader runs on every visit, and importing it from fileActions.ts put the file
 * commands, the inventory parser and the share encoder into the first chunk.
 */
import type { Mode } from '../../engine';

export interface SharedView {
  pair: [string, string] | null;
  mode: Mode | null;
}

/** Splits a share fragment into the share data and the view that follows it (`&pair=…&mode=…`). */
export function splitShareFragment(hash: string): { share: string; view: SharedView } {
  const [share = '', ...params] = hash.split('&');
  const view: SharedView = { pair: null, mode: null };
  for (const p of params) {
    const [k, v = ''] = p.split('=');
    if (k === 'mode' && (v === 'ws2025' || v === 'legacy')) view.mode = v;
    if (k === 'pair') {
      const ids = v.split(',').map((x) => {
        try {
          return decodeURIComponent(x);
        } catch {
          return '';
        }
      });
      if (ids.length === 2 && ids[0] && ids[1]) view.pair = [ids[0], ids[1]];
    }
  }
  return { share, view };
}
