/**
 * Importing a real cluster (cluster-inventory.md): the file the inventory script writes → a
 * validated topology. Decoding and mapping are this module's; validation is parseTopology's, so
 * an imported cluster obeys exactly the rules of a topology file.
 */
import { parseTopology } from '../../model/parse';
import type { ParseResult } from '../../model/types';
import { decodeInventory, parseJson } from './decode';
import { inventoryToDocument } from './to-document';

export { inventoryToDocument, INVENTORY_FORMAT, INVENTORY_VERSION, type InventoryResult } from './to-document';
export { INVENTORY_SCRIPT } from './script';

/**
 * Reads an inventory file (its text, or its bytes in UTF-8 or UTF-16 with or without a
 * byte-order mark). Never throws: the result is a topology with the import's notes first, then
 * parseTopology's, or a list of errors with the JSON path of the value to fix.
 */
export function parseClusterInventory(input: string | Uint8Array): ParseResult {
  try {
    const decoded = decodeInventory(input);
    if (!decoded.ok) return { ok: false, errors: [decoded.error] };
    const json = parseJson(decoded.text);
    if (!json.ok) return { ok: false, errors: [json.error] };
    const mapped = inventoryToDocument(json.value);
    if (!mapped.ok) return mapped;
    const parsed = parseTopology(mapped.document);
    if (!parsed.ok) {
      // The import should only build valid documents; if it did not, say where, in both terms.
      return {
        ok: false,
        errors: parsed.errors.map((e) => ({
          path: e.path,
          message: `The topology built from this inventory is not valid (at ${e.path || 'the top'} of the topology): ${e.message}`,
        })),
      };
    }
    const notes = decoded.notes.map((message) => ({ code: 'assumed' as const, path: '', message, elementIds: [] }));
    return { ok: true, topology: parsed.topology, diagnostics: [...notes, ...mapped.diagnostics, ...parsed.diagnostics] };
  } catch (e) {
    // A bug, not bad input: still never throw at the caller.
    return { ok: false, errors: [{ path: '', message: `The inventory could not be imported (${e instanceof Error ? e.message : String(e)}).` }] };
  }
}
