import { describe, expect, it } from 'vitest';
import { labelBreaks, labelPieces, separatorBreaks, shortLabel } from '../../../renderer/src/canvas/labelText.ts';

describe('a label card’s short label', () => {
  it('drops a trailing parenthesis only', () => {
    expect(shortLabel('LLM trace store (self-hosted Langfuse)')).toBe('LLM trace store');
    expect(shortLabel('orders DB')).toBe('orders DB');
    expect(shortLabel('(draft)')).toBe('(draft)');
    expect(shortLabel('node:20 (base) image')).toBe('node:20 (base) image');
  });

  it('gives a long path its last parts, so that paths in a row read apart', () => {
    const ids = ['web/sa/frontend', 'orders/sa/orders', 'payments/sa/payments', 'finance/sa/billing-batch'].map((p) => `spiffe://acme/ns/${p}`);
    const short = ids.map(shortLabel);
    expect(short).toEqual(['…/sa/frontend', '…/sa/orders', '…/sa/payments', '…/billing-batch']);
    expect(new Set(short).size).toBe(ids.length);
  });

  it('keeps the last part whole, however long', () => {
    expect(shortLabel('ghcr.io/acme/checkout-api-with-a-long-name:1.4.2')).toBe('…/checkout-api-with-a-long-name:1.4.2');
  });

  it('leaves short paths, paths of two parts and labels with spaces as they are', () => {
    expect(shortLabel('a/b/c/d/e/f/g')).toBe('a/b/c/d/e/f/g');
    expect(shortLabel('tj-actions/changed-files@v45 (tag-pinned)')).toBe('tj-actions/changed-files@v45');
    expect(shortLabel('Vault role: pki_int/issue/mesh')).toBe('Vault role: pki_int/issue/mesh');
  });
});

describe('where a label may break', () => {
  it('breaks after a run of separators followed by a letter, never before a digit', () => {
    const text = 'spiffe://acme/ns/web';
    expect(separatorBreaks(text).map((i) => text.slice(0, i))).toEqual(['spiffe://', 'spiffe://acme/', 'spiffe://acme/ns/']);
    expect(separatorBreaks('node:20-slim v1.2')).toEqual([8]);
    expect(separatorBreaks('npm: @acme/config')).toEqual([11]);
    expect(separatorBreaks('-x _y')).toEqual([]);
    expect(separatorBreaks('orders DB')).toEqual([]);
  });

  it('cuts a label into the pieces a card puts break opportunities between', () => {
    expect(labelPieces('billing-batch client')).toEqual(['billing-', 'batch client']);
    expect(labelPieces('orders DB')).toEqual(['orders DB']);
    expect(labelPieces('…/web/sa/frontend').join('')).toBe('…/web/sa/frontend');
  });

  it('lists spaces and separators together, in order', () => {
    const text = 'Vault role: pki_int/issue';
    expect(labelBreaks(text).map((i) => text.slice(i))).toEqual(['role: pki_int/issue', 'pki_int/issue', 'int/issue', 'issue']);
  });
});
