/**
 * Writes the Outlook add-in's icons: the extension's drawing (scripts/icon-drawing.ts) without the
 * orange "something is due" dot, since a ribbon button cannot show a count (see addin/README.md), in
 * the sizes the manifest names (16, 32, 80 for buttons; 64 and 128 for the add-in's icon). Run once
 * with `node --import tsx addin/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { clear, insideRoundedSquare, onLetterR, png, teal, white } from '../scripts/icon-drawing';

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(
    `addin/public/assets/icon-${size}.png`,
    png(size, (x, y) => {
      if (!insideRoundedSquare(x, y)) return clear;
      return onLetterR(x, y) ? white : teal;
    }),
  );
}
console.log('icons written to addin/public/assets/');
