/**
 * Lists of what an import left over (unmatched rows, notes, failures…): the first items, then how
 * many more. `CappedList` is the list; `FoldedList` folds it under a summary with its count. One
 * pair of components for the path test's and the migration history's panels and import steps.
 */
import type { ReactNode } from 'react';

export const FOLDED_SHOWN = 100;

export function CappedList<T>({
  items,
  item,
  itemTitle,
  shown = FOLDED_SHOWN,
  whereTheRest = '',
  label,
  className,
}: {
  items: readonly T[];
  item: (x: T) => ReactNode;
  itemTitle?: (x: T) => string | undefined;
  shown?: number;
  /** Said after "…and N more", e.g. " (All pairs tab)". */
  whereTheRest?: string;
  label?: string;
  className?: string;
}) {
  return (
    <ul className={className} aria-label={label}>
      {items.slice(0, shown).map((x, i) => (
        <li key={i} title={itemTitle?.(x)}>
          {item(x)}
        </li>
      ))}
      {items.length > shown && (
        <li>
          …and {items.length - shown} more{whereTheRest}.
        </li>
      )}
    </ul>
  );
}

export function FoldedList<T>({
  items,
  summary,
  item,
  itemTitle,
  className,
}: {
  items: readonly T[];
  summary: ReactNode;
  item: (x: T) => ReactNode;
  itemTitle?: (x: T) => string | undefined;
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <details className={className}>
      <summary>{summary}</summary>
      <CappedList items={items} item={item} itemTitle={itemTitle} />
    </details>
  );
}
