import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstNumber, numberBox, placeNumbers, type NumberedLine } from '../../src/canvas/numberPlaces';

// Hand-checked figures, font 14 bold: line height ⌈14 × 1.2⌉ = 17, a number's box 17 + 2 × 4 = 25
// tall (a step along the line: 27); "1,2" is 1.6 em → ⌈1.6 × 14 × 1.1⌉ = 25 wide, 33 with its
// ground; "3,4,5" 2.56 em → 40, 48 with its ground.
const line = (id: string, label: string, x: number, length = 400, at = 18): NumberedLine => ({
  id,
  label,
  source: { x, y: 0 },
  target: { x, y: length },
  at,
  fontSize: 14,
});

describe('fallback numbers placed clear of each other (issue 27)', () => {
  it('a box is centred on its line, its text and ground measured', () => {
    expect(numberBox(line('a', '1,2', 0), 18)).toEqual({ x1: -16.5, y1: 5.5, x2: 16.5, y2: 30.5 });
    expect(numberBox(line('b', '3,4,5', 23), 45)).toEqual({ x1: -1, y1: 32.5, x2: 47, y2: 57.5 });
  });

  it("two neighbouring NIC drops: the later fallback's number moves one step along its line", () => {
    // Given in the other order: the first fallback keeps its place.
    const places = placeNumbers([line('b', '3,4,5', 23), line('a', '1,2', 0)], []);
    expect(places.get('a')).toEqual({ off: 18, box: { x1: -16.5, y1: 5.5, x2: 16.5, y2: 30.5 } });
    expect(places.get('b')).toEqual({ off: 45, box: { x1: -1, y1: 32.5, x2: 47, y2: 57.5 } });
  });

  it('a name in the way: the number takes the first place past it', () => {
    const name = { x1: -50, y1: 0, x2: 50, y2: 59 };
    // 18 → y 5.5–30.5, 45 → 32.5–57.5 meet it; 72 → 59.5–84.5 is clear.
    expect(placeNumbers([line('a', '1,2', 0)], [name]).get('a')).toEqual({ off: 72, box: { x1: -16.5, y1: 59.5, x2: 16.5, y2: 84.5 } });
  });

  it('no place on a short line: kept where it was, unless it would cover a number — then left out', () => {
    // 40 long: a second place (45) would be off the line.
    const name = { x1: -50, y1: 0, x2: 50, y2: 40 };
    const places = placeNumbers([line('a', '1,2', 0, 40), line('b', '3,4,5', 23, 40)], [name]);
    expect(places.get('a')).toEqual({ off: 18, box: { x1: -16.5, y1: 5.5, x2: 16.5, y2: 30.5 } });
    expect(places.get('b')).toEqual({ crowded: true });
  });

  it('the first fallback of a label orders the numbers', () => {
    expect(firstNumber('3,4,5')).toBe(3);
    expect(firstNumber('12')).toBe(12);
    expect(firstNumber('')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('property: numbers drawn never overlap one another, and each stays on its line', () => {
    const arb = fc.array(
      fc.record({ x: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 20, max: 400 }), n: fc.integer({ min: 1, max: 9 }), up: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const lines = specs.map((s, i) => ({ ...line(`e${i}`, `${s.n},${s.n + 1}`, s.x, s.length), target: { x: s.x, y: s.up ? -s.length : s.length } }));
        const places = placeNumbers(lines, []);
        const shown = [...places.values()].flatMap((p) => ('box' in p ? [p.box] : []));
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++) {
            const [a, b] = [shown[i]!, shown[j]!];
            expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
          }
        for (const l of lines) {
          const p = places.get(l.id)!;
          if ('off' in p) expect(p.off === l.at || p.off <= Math.abs(l.target.y)).toBe(true);
        }
      }),
    );
  });
});
