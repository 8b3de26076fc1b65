import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CappedList, FoldedList } from '../../src/ui/common/FoldedList';

describe('FoldedList', () => {
  it('shows nothing for no items', () => {
    const { container } = render(<FoldedList items={[]} summary="0 notes" item={(n: string) => n} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows the first 100 items and says how many more, each with its title', () => {
    const items = Array.from({ length: 130 }, (_, i) => `note ${i + 1}`);
    render(<FoldedList items={items} summary="130 notes" item={(n) => n} itemTitle={(n) => `title of ${n}`} />);
    const list = screen.getByRole('list');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(101);
    expect(rows[0]).toHaveTextContent('note 1');
    expect(rows[0]).toHaveAttribute('title', 'title of note 1');
    expect(rows[99]).toHaveTextContent('note 100');
    expect(rows[100]).toHaveTextContent('…and 30 more.');
    expect(screen.getByText('130 notes').tagName).toBe('SUMMARY');
  });

  it('CappedList: an import step shows 20 notes and says where the rest are', () => {
    const notes = Array.from({ length: 23 }, (_, i) => `note ${i + 1}`);
    render(<CappedList label="History notes" items={notes} item={(n) => n} shown={20} whereTheRest=" (All pairs tab)" />);
    const rows = within(screen.getByRole('list', { name: 'History notes' })).getAllByRole('listitem');
    expect(rows).toHaveLength(21);
    expect(rows[20]).toHaveTextContent('…and 3 more (All pairs tab).');
  });
});
