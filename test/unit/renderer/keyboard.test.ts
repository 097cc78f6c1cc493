import { describe, expect, it } from 'vitest';
import { actionFor } from '../../../renderer/src/editor/keyboard.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the keyboard table', () => {
  it('starts a presentation with F5 or Mod+Shift+P, and focus mode with \\', () => {
    expect(actionFor(key('F5'))).toBe('present');
    expect(actionFor(key('P', { ctrlKey: true, shiftKey: true }))).toBe('present');
    expect(actionFor(key('p', { metaKey: true, shiftKey: true }))).toBe('present');
    expect(actionFor(key('\\'))).toBe('focus');
  });

  it('gives a presenter’s keys their meaning while presenting', () => {
    const present = (k: string) => actionFor(key(k), 'present');
    expect(['ArrowRight', ' ', 'PageDown'].map(present)).toEqual(['step-next', 'step-next', 'step-next']);
    expect(['ArrowLeft', 'PageUp'].map(present)).toEqual(['step-prev', 'step-prev']);
    expect([present('Home'), present('End'), present('t'), present('T'), present('p'), present('Escape')]).toEqual([
      'step-first',
      'step-last',
      'timeline',
      'timeline',
      'play',
      'leave',
    ]);
    for (const d of '123456789') expect(present(d)).toBe('scenario');
    expect(present('0')).toBeNull();
  });

  it('lets no editing key through while presenting', () => {
    for (const k of [key('Delete'), key('Backspace'), key('z', { ctrlKey: true }), key('v', { ctrlKey: true }), key('n'), key('l'), key('F2'), key('a')]) {
      expect(actionFor(k, 'present')).toBeNull();
    }
  });

  it('keeps the arrows for nudging in the editor', () => {
    expect(actionFor(key('ArrowRight'))).toBe('nudge-right');
  });
});
