/**
 * Fresh ids and names that a person can read: `n5`, `n5-nic2`, `site-c`, `r3`, `net4`;
 * `HV05`, `NIC 2`, `Site C`, `Router 3`, `Network 4`. Never one already in use.
 */

/** The first `make(k)` (k = from, from+1, …) that `taken` does not hold. */
export function firstFree(make: (k: number) => string, taken: (s: string) => boolean, from = 1): string {
  for (let k = from; ; k++) {
    const s = make(k);
    if (!taken(s)) return s;
  }
}

const letter = (k: number): string => (k <= 26 ? String.fromCharCode(96 + k) : String(k));
export const pad2 = (k: number): string => String(k).padStart(2, '0');

export function siteIdentity(ids: Set<string>, names: Set<string>): { id: string; name: string } {
  const id = firstFree((k) => `site-${letter(k)}`, (s) => ids.has(s));
  const k = id.slice(5);
  const name = firstFree((j) => (j === 1 ? `Site ${k.toUpperCase()}` : `Site ${k.toUpperCase()} ${j}`), (s) => names.has(s));
  return { id, name };
}

export function nodeIdentity(ids: Set<string>, names: Set<string>): { id: string; name: string } {
  const id = firstFree((k) => `n${k}`, (s) => ids.has(s));
  const k = Number(id.slice(1));
  // HV05 for n5 when free, else the next free HV number.
  const name = firstFree((j) => `HV${pad2(j)}`, (s) => names.has(s), k);
  return { id, name };
}

export function nicIdentity(nodeId: string, ids: Set<string>, namesOnNode: Set<string>): { id: string; name: string } {
  const id = firstFree((k) => `${nodeId}-nic${k}`, (s) => ids.has(s));
  const name = firstFree((k) => `NIC ${k}`, (s) => namesOnNode.has(s));
  return { id, name };
}

export function networkIdentity(ids: Set<string>, names: Set<string>): { id: string; name: string } {
  const id = firstFree((k) => `net${k}`, (s) => ids.has(s));
  const name = firstFree((k) => `Network ${k}`, (s) => names.has(s), Number(id.slice(3)));
  return { id, name };
}

export function routerIdentity(ids: Set<string>, names: Set<string>): { id: string; name: string } {
  const id = firstFree((k) => `r${k}`, (s) => ids.has(s));
  const name = firstFree((k) => `Router ${k}`, (s) => names.has(s), Number(id.slice(1)));
  return { id, name };
}

/** A name for a copy: the trailing number counted up (`HV01` → `HV05`), else `Name (copy)`. */
export function copyName(name: string, names: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(name);
  if (m) {
    const [, stem, digits] = m as unknown as [string, string, string];
    return firstFree((k) => `${stem}${String(k).padStart(digits.length, '0')}`, (s) => names.has(s), Number(digits) + 1);
  }
  return firstFree((k) => (k === 1 ? `${name} (copy)` : `${name} (copy ${k})`), (s) => names.has(s));
}
