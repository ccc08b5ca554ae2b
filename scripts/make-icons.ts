/**
 * Writes the toolbar icons (the drawing is scripts/icon-drawing.ts's, with the orange "something is
 * due" dot). Run once with `node --import tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { clear, insideRoundedSquare, onLetterR, orange, png, teal, white } from './icon-drawing';

for (const size of [16, 32, 48, 128]) {
  writeFileSync(
    `public/icons/relance-${size}.png`,
    png(size, (x, y) => {
      if (Math.hypot(x - 0.8, y - 0.2) < 0.14) return orange;
      if (!insideRoundedSquare(x, y)) return clear;
      return onLetterR(x, y) ? white : teal;
    }),
  );
}
console.log('icons written to public/icons/');
