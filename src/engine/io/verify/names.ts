/** How the path test matches names: as Windows compares computer names (case-insensitive, first label). */

/** `hv01.contoso.com` and `HV01` are the same node. */
export const shortName = (name: string): string => name.split('.')[0]!.trim().toLowerCase();

/** The outcomes a kept path test may hold (parse.ts maps the file's names and numbers to these). */
export const CONNECT_OUTCOMES = ['connected', 'refused', 'timed-out', 'unreachable', 'no-source-address', 'failed'] as const;
