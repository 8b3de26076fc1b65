/** Files in and out: open, save, export, import a cluster, PowerShell, share link (their code loads when first used). */
import { requestFiles } from '../files/requests';
import type { Command } from './types';

export const fileCommands: Command[] = [
  { id: 'open', label: 'Open…', group: 'file', shortcuts: ['Mod+O'], toolbar: true, run: () => requestFiles('open') },
  { id: 'save', label: 'Save', group: 'file', shortcuts: ['Mod+S'], toolbar: true, run: ({ store }) => void import('../files/fileActions').then((f) => f.saveTopology(store)) },
  { id: 'export', label: 'Export…', group: 'file', shortcuts: ['Mod+Shift+E'], toolbar: true, run: () => requestFiles('export') },
  { id: 'import-inventory', label: 'Import cluster…', group: 'file', toolbar: true, run: () => requestFiles('import') },
  { id: 'powershell', label: 'PowerShell…', group: 'file', toolbar: true, run: () => requestFiles('powershell') },
  { id: 'copy-link', label: 'Copy link', group: 'file', toolbar: true, run: ({ store }) => void import('../files/fileActions').then((f) => f.copyShareLink(store)) },
];
