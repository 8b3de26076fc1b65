/** A drain plan as a CSV download (with a byte-order mark: Excel reads UTF-8 names right only then). */
import { baseFileName } from '../../engine/io';
import { downloadText, UTF8_BOM } from '../files/browser';

export function downloadCsv(name: string, csv: string): void {
  downloadText(UTF8_BOM + csv, `${baseFileName(name, 'drain')}.csv`, 'text/csv');
}
