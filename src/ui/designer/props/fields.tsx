/**
 * Property fields. A text field keeps what is typed as a draft and applies it on Enter or when
 * it loses focus, through applyEdit: an invalid value is shown inline with the engine's message
 * and nothing is applied; Escape goes back to the stored value.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ParseError } from '../../../engine';
import type { Edit } from '../../../engine/edit';
import { useActions } from '../../StoreContext';

/** Applies an edit as one undo step; returns the engine's errors, or null when it was applied. */
export function useCommit(): (edit: Edit | null) => ParseError[] | null {
  const actions = useActions();
  return (edit) => {
    if (edit === null) return null;
    const r = actions.edit(edit);
    return r.ok ? null : r.errors;
  };
}

export function ErrorList({ id, errors }: { id: string; errors: ParseError[] | null }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div id={id} className="props-error" role="alert">
      {errors.length === 1 ? errors[0]!.message : <ul>{errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>}
    </div>
  );
}

function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div className="props-field">
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span className="props-label">{label}</span>}
      <div className="props-control">{children}</div>
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  /** The edit for a typed value; null when it changes nothing. */
  toEdit: (text: string) => Edit | null;
  placeholder?: string;
  note?: string;
}

export function TextField({ label, value, toEdit, placeholder, note }: TextFieldProps) {
  const id = useId();
  const commit = useCommit();
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  const apply = (): void => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setErrors(null);
      return;
    }
    const errs = commit(toEdit(draft));
    setErrors(errs);
    if (!errs) setDraft(null);
  };
  const revert = (): void => {
    setDraft(null);
    setErrors(null);
  };
  return (
    <Row label={label} htmlFor={id}>
      <input
        id={id}
        type="text"
        value={draft ?? value}
        placeholder={placeholder}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : note ? `${id}-note` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          else if (e.key === 'Escape') revert();
        }}
      />
      {note && !errors && <p id={`${id}-note`} className="props-note">{note}</p>}
      <ErrorList id={`${id}-error`} errors={errors} />
    </Row>
  );
}

export function SelectField<T extends string>({ label, value, options, toEdit }: { label: string; value: T; options: { value: T; label: string }[]; toEdit: (value: T) => Edit | null }) {
  const id = useId();
  const commit = useCommit();
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  return (
    <Row label={label} htmlFor={id}>
      <select id={id} value={value} onChange={(e) => setErrors(commit(toEdit(e.target.value as T)))} aria-invalid={errors ? true : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={errors} />
    </Row>
  );
}

export function CheckField({ label, checked, toEdit }: { label: string; checked: boolean; toEdit: (checked: boolean) => Edit | null }) {
  const id = useId();
  const commit = useCommit();
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  return (
    <Row label={label} htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => setErrors(commit(toEdit(e.target.checked)))} />
      <ErrorList id={`${id}-error`} errors={errors} />
    </Row>
  );
}

/** `a, b c` → ['a', 'b', 'c'] (addresses and prefixes are typed as one list). */
export const splitList = (text: string): string[] => text.split(/[\s,;]+/).filter((s) => s !== '');

/** '' → null (clear); anything else as a number, left to the engine to judge. */
export const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
