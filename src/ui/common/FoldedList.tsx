/**
 * A folded list of what an import left over (unmatched rows, notes, failures…): its count in the
 * summary, the first 100 items, then how many more. One component for the path test's and the
 * migration history's panels.
 */
import type { ReactNode } from 'react';

export const FOLDED_SHOWN = 100;

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
      <ul>
        {items.slice(0, FOLDED_SHOWN).map((x, i) => (
          <li key={i} title={itemTitle?.(x)}>
            {item(x)}
          </li>
        ))}
        {items.length > FOLDED_SHOWN && <li>…and {items.length - FOLDED_SHOWN} more.</li>}
      </ul>
    </details>
  );
}
