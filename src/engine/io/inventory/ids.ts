/**
 * Element ids for the topology. Ids are shared by every kind of element (the layout is keyed by
 * them), so one registry hands them all out. Ids made from names are lower-case words joined by
 * `-` — readable in a saved file and safe as a key anywhere.
 */

const MAX_SLUG = 48;

/** `vEthernet (Live Migration)` → `vethernet-live-migration`. */
export function slug(name: string, fallback: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return s === '' ? fallback : s;
}

export class IdRegistry {
  private readonly used = new Set<string>();
  /** The next suffix to try for each wanted id, so that many repeats stay linear. */
  private readonly next = new Map<string, number>();

  /** `wanted` if free, else `wanted-2`, `wanted-3`… */
  claim(wanted: string): string {
    let id = wanted;
    let n = this.next.get(wanted) ?? 2;
    while (this.used.has(id)) id = `${wanted}-${n++}`;
    this.next.set(wanted, n);
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}
