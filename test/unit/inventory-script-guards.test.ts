/**
 * The collection script's guards (issue 21): under Set-StrictMode a non-remote error has no
 * OriginInfo, and an older cluster has no Get-ClusterFaultDomain; both must leave a note, never a
 * broken file. Read on the syntax tree (test/powershell/grammar.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_SCRIPT } from '../../src/engine/io/inventory';
import { loadPowerShell, parsePowerShell, syntaxErrors, unguardedChanges } from '../powershell/grammar';

beforeAll(loadPowerShell);

describe('INVENTORY_SCRIPT guards', () => {
  it('parses with no error node and changes nothing', () => {
    const tree = parsePowerShell(INVENTORY_SCRIPT);
    expect(syntaxErrors(tree)).toEqual([]);
    // Its only Set-*/New-* are the local notes list and the output file.
    expect(unguardedChanges(tree)).toEqual([]);
  });

  it('reads OriginInfo through PSObject, so Set-StrictMode never stops on an error that is not remote', () => {
    expect(INVENTORY_SCRIPT).not.toMatch(/\$e\.OriginInfo/);
    expect(INVENTORY_SCRIPT).toContain("$origin = $e.PSObject.Properties['OriginInfo']");
  });

  it('reads the fault domains inside Read-Part, so an older cluster leaves a note', () => {
    const at = INVENTORY_SCRIPT.indexOf('Get-ClusterFaultDomain -ErrorAction Stop');
    expect(INVENTORY_SCRIPT.lastIndexOf("faultDomains = @(Read-Part 'Fault domains (Get-ClusterFaultDomain)' {", at)).toBeGreaterThan(at - 120);
    expect(INVENTORY_SCRIPT).toContain('Get-ClusterFaultDomain -ErrorAction Stop');
  });
});
