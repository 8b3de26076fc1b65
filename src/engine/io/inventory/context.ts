/**
 * What the import collects while it maps an inventory: refusals (errors) and notes (diagnostics),
 * with caps so that a pathological file cannot produce a million messages.
 */
import type { Diagnostic, ParseError } from '../../model/types';

const MAX_ERRORS = 50;
const MAX_DIAGNOSTICS = 200;

export class ImportContext {
  readonly errors: ParseError[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private droppedErrors = 0;
  private droppedDiagnostics = 0;

  /** The inventory cannot be imported as it is: `path` points at the value to fix. */
  error(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
    else this.droppedErrors++;
  }

  /** Something the import had to assume or infer (the user should check it). */
  assumed(path: string, message: string, elementIds: string[] = []): void {
    this.note(path, message, elementIds);
  }

  /**
   * Something in the inventory that the import left out. Uses the code 'assumed' until
   * DiagnosticCode has a code of its own for it; kept separate so that is a one-line change.
   */
  dropped(path: string, message: string, elementIds: string[] = []): void {
    this.note(path, message, elementIds);
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Errors, with a last line counting those left out. */
  allErrors(): ParseError[] {
    return this.droppedErrors === 0
      ? this.errors
      : [...this.errors, { path: '', message: `…and ${this.droppedErrors} more problems of the same kinds.` }];
  }

  allDiagnostics(): Diagnostic[] {
    if (this.droppedDiagnostics === 0) return this.diagnostics;
    return [
      ...this.diagnostics,
      { code: 'assumed', path: '', message: `…and ${this.droppedDiagnostics} more import notes.`, elementIds: [] },
    ];
  }

  private note(path: string, message: string, elementIds: string[]): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push({ code: 'assumed', path, message, elementIds });
    else this.droppedDiagnostics++;
  }
}
