// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText, isHidden, waitFor } from './dom';

function el(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.appendChild(div);
  return div;
}

describe('extractText', () => {
  it('turns Gmail editor lines into newlines, one blank line for <div><br></div>', () => {
    const root = el('<div dir="ltr"><div>Bonjour Julien,</div><div><br></div><div>Ligne  une</div><div>Ligne deux</div></div>');
    expect(extractText(root)).toBe('Bonjour Julien,\n\nLigne une\nLigne deux');
  });

  it('handles <br> line breaks, paragraphs and keeps NBSP', () => {
    const root = el('Hello<br>world<p>2\u00a0400,00\u00a0€</p>end');
    expect(extractText(root)).toBe('Hello\nworld\n\n2\u00a0400,00\u00a0€\n\nend');
  });

  it('skips excluded subtrees, scripts, styles and inline-hidden nodes', () => {
    const root = el('<div>keep</div><div class="gmail_quote">quoted</div><style>.x{}</style><div style="display:none">hidden</div><div>also</div>');
    expect(extractText(root, '.gmail_quote')).toBe('keep\nalso');
  });

  it('uses emoji image alt text', () => {
    const root = el('Hi <img data-emoji="🎉" alt="🎉"> there <img src="x" alt="ignored">');
    expect(extractText(root)).toBe('Hi 🎉 there');
  });
});

describe('isHidden', () => {
  it('sees hidden ancestors (inline style, hidden attribute) up to a boundary', () => {
    const root = el('<div id="a" style="display:none"><span id="b">x</span></div><div hidden><i id="c"></i></div><b id="d"></b>');
    expect(isHidden(root.querySelector('#b')!)).toBe(true);
    expect(isHidden(root.querySelector('#b')!, root.querySelector('#a'))).toBe(false);
    expect(isHidden(root.querySelector('#c')!)).toBe(true);
    expect(isHidden(root.querySelector('#d')!)).toBe(false);
  });
});

describe('waitFor', () => {
  it('resolves when a mutation makes the check pass, null on timeout', async () => {
    const root = el('');
    const pending = waitFor(document, () => root.querySelector('.late'), 1000);
    setTimeout(() => root.insertAdjacentHTML('beforeend', '<p class="late"></p>'), 20);
    expect(await pending).toBe(root.querySelector('.late'));
    expect(await waitFor(document, () => root.querySelector('.never'), 30)).toBeNull();
  });
});
