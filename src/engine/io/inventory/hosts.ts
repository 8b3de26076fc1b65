/**
 * Host name matching. Windows names are case-insensitive, and the same node appears as `HV01`
 * (Get-ClusterNode), `HV01` ($env:COMPUTERNAME) or `hv01.contoso.local` (a remoting session's
 * PSComputerName). A name matches a node when it is equal ignoring case, or when their first DNS
 * labels are.
 */

const full = (name: string): string => name.trim().toLowerCase().replace(/\.+$/, '');
const short = (name: string): string => full(name).split('.')[0] ?? '';

export class HostIndex<T> {
  private readonly byFull = new Map<string, T>();
  private readonly byShort = new Map<string, T>();

  /** Registers a host; returns false when a host of the same name is already there. */
  add(name: string, value: T): boolean {
    const f = full(name);
    if (this.byFull.has(f)) return false;
    this.byFull.set(f, value);
    const s = short(name);
    if (!this.byShort.has(s)) this.byShort.set(s, value);
    return true;
  }

  get(name: string): T | undefined {
    return this.byFull.get(full(name)) ?? this.byShort.get(short(name));
  }
}

/** Interface aliases (`Ethernet 2`) are case-insensitive in Windows too. */
export const aliasKey = (nodeId: string, alias: string): string => `${nodeId}\u0000${alias.trim().toLowerCase()}`;
