/**
 * Sites from the cluster's fault domains. A node's fault domain (Type Node) names its parent —
 * a chassis, a rack or directly a site — and the node is in the first Site up that chain.
 * Fault domains only place nodes, so a bad entry is left out with a note, never refused.
 */
import type { SiteDoc } from '../../model/types';
import type { ImportContext } from './context';
import { HostIndex } from './hosts';
import { slug, type IdRegistry } from './ids';
import { field, isObj, items, text, type Field } from './json';

interface Domain {
  name: string;
  type: string;
  parent: string | undefined;
}

/** Deeper than any real hierarchy (site → rack → chassis → node); stops a cycle too. */
const MAX_DEPTH = 16;

export interface SiteResult {
  sites: SiteDoc[];
  siteOf: (nodeName: string) => string | undefined;
}

export function readSites(list: Field, ctx: ImportContext, ids: IdRegistry): SiteResult {
  const byName = new Map<string, Domain>();
  const nodeDomains = new HostIndex<Domain>();
  const siteIds = new Map<string, string>();
  const sites: SiteDoc[] = [];

  for (const f of items(list)) {
    if (!isObj(f.value)) {
      ctx.dropped(f.path, 'This fault domain entry is not an object with Name, Type and ParentName; it was left out.');
      continue;
    }
    const name = text(field(f.value, 'Name', f.path).value);
    if (name === undefined) {
      ctx.dropped(f.path, 'This fault domain has no Name; it was left out.');
      continue;
    }
    const type = (text(field(f.value, 'Type', f.path).value) ?? '').toLowerCase();
    const domain: Domain = { name, type, parent: text(field(f.value, 'ParentName', f.path).value) };
    if (type === 'node') nodeDomains.add(name, domain);
    else if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), domain);
    if (type === 'site' && !siteIds.has(name.toLowerCase())) {
      const id = ids.claim(`site-${slug(name, 'site')}`);
      siteIds.set(name.toLowerCase(), id);
      sites.push({ id, name });
    }
  }

  const siteOf = (nodeName: string): string | undefined => {
    let d = nodeDomains.get(nodeName);
    for (let depth = 0; d !== undefined && depth < MAX_DEPTH; depth++) {
      if (d.type === 'site') return siteIds.get(d.name.toLowerCase());
      d = d.parent === undefined ? undefined : byName.get(d.parent.toLowerCase());
    }
    return undefined;
  };
  return { sites, siteOf };
}
