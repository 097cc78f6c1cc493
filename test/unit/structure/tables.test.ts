/**
 * Every entry of the app's closed lists has its behaviour: each node kind, break mode, export format, menu
 * command and keyboard action. The tables are `Record`s over their unions, so an entry left out does not
 * compile; these tests catch an entry that is there but does nothing (a break mode that simulates to
 * nothing, a format that renders an empty file, a menu command nobody handles, a key bound twice).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu.ts';
import { effectCss, KIND_COLORS, KIND_STYLES } from '../../../shared/visual/index.ts';
import type { BreakMode, Model, NodeKind } from '../../../shared/domain/index.ts';
import { BREAK_INFO, BREAK_MODES, EDGE_ENDS, EDGE_KINDS, NODE_KINDS } from '../../../shared/domain/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { parseModelFile } from '../../../shared/file/index.ts';
import type { MenuCommand } from '../../../shared/ipc/index.ts';
import { EXPORT_KINDS, MENU_COMMANDS } from '../../../shared/ipc/index.ts';
import { buildReport } from '../../../shared/report/index.ts';
import { NODE_REGISTRY } from '../../../renderer/src/canvas/nodes/registry.ts';
import { actionFor, fileActionFor, KEY_TABLES, SHORTCUTS } from '../../../renderer/src/editor/keyboard.ts';
import type { KeyLike } from '../../../renderer/src/editor/keyboard.ts';
import { EXPORT_FORMATS, formatsFrom, OTHER_FORMATS } from '../../../renderer/src/report/formats.ts';
import type { MenuTargets } from '../../../renderer/src/shell/useMenuCommands.ts';
import { menuHandlers } from '../../../renderer/src/shell/useMenuCommands.ts';
import { buildModel } from '../engine/build.ts';

const SAMPLES = join(import.meta.dirname, '../../../assets/samples');

function sample(): Model {
  const file = readdirSync(SAMPLES).find((f) => f.endsWith('.faultline.json'))!;
  const parsed = parseModelFile(readFileSync(join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('every node kind has its names, colour, palette entry and a place in the graph', () => {
  const css = effectCss();

  it.each([...NODE_KINDS])('%s', (kind) => {
    const style = KIND_STYLES[kind];
    for (const word of [style.label, style.plural, style.noun, style.nouns]) expect(word.trim(), kind).not.toBe('');
    expect(style.color).toMatch(/^#[0-9A-F]{6}$/i);
    expect(style.color).toBe(KIND_COLORS[kind]);
    expect(css).toContain(`--kind-${kind}: ${KIND_COLORS[kind]};`);
    // The canvas shows the report's name, with a hint of its own.
    expect(NODE_REGISTRY[kind].label).toBe(style.label);
    expect(NODE_REGISTRY[kind].hint.trim()).not.toBe('');
    // Some edge kind can reach it or leave it: a kind nothing connects to would draw and simulate nothing.
    expect(EDGE_KINDS.some((e) => EDGE_ENDS[e].sources.includes(kind) || EDGE_ENDS[e].targets.includes(kind)), kind).toBe(true);
  });

  it('gives every kind a distinct name and colour', () => {
    expect(new Set(NODE_KINDS.map((k) => KIND_STYLES[k].label)).size).toBe(NODE_KINDS.length);
    expect(new Set(NODE_KINDS.map((k) => KIND_STYLES[k].color.toLowerCase())).size).toBe(NODE_KINDS.length);
  });
});

describe('every break mode simulates to something on every kind it applies to', () => {
  const pairs = BREAK_MODES.flatMap((mode) => BREAK_INFO[mode].appliesTo.map((kind) => [mode, kind] as [BreakMode, NodeKind]));

  it('applies every mode to some kind', () => {
    for (const mode of BREAK_MODES) expect(BREAK_INFO[mode].appliesTo.length, mode).toBeGreaterThan(0);
  });

  it.each(pairs)('%s on a %s', (mode, kind) => {
    const model = buildModel([['x', kind], ['next', 'identity']], [['e1', 'assumes', 'x', 'next']]);
    const r = simulate(model, { breaks: [{ mode, node: 'x' }] });
    expect(r.impacts.find((i) => i.node === 'x')?.effect, `${mode} on ${kind}`).toBe(BREAK_INFO[mode].starts);
    expect(r.summary.score).toBeGreaterThan(0);
  });
});

describe('every export format renders a file of its kind', () => {
  const model = sample();
  const results = model.scenarios.map((s) => simulate(model, s));
  const doc = buildReport(model, model.scenarios, results, { chokepoints: Object.fromEntries(model.scenarios.map((s) => [s.id, []])) });
  const rasterised: string[] = [];
  const toPng = async (svg: string) => {
    rasterised.push(svg);
    return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  };

  it('has a sample with scenarios to export', () => {
    expect(model.scenarios.length).toBeGreaterThan(0);
  });

  it.each(OTHER_FORMATS)('%s', async (format) => {
    const spec = EXPORT_FORMATS[format];
    expect(Object.keys(EXPORT_KINDS)).toContain(spec.kind);
    expect(spec.label.trim()).not.toBe('');
    expect(spec.hint.trim()).not.toBe('');
    let content: string | Uint8Array;
    switch (spec.from) {
      case 'report':
        content = spec.render({ doc, results });
        break;
      case 'model':
        content = spec.render(model);
        break;
      case 'diagram':
        content = await spec.render(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>${model.name}</title></svg>`, toPng);
        break;
      default:
        throw spec satisfies never;
    }
    expect(content.length, format).toBeGreaterThan(0);
    if (EXPORT_KINDS[spec.kind].text && typeof content === 'string' && EXPORT_KINDS[spec.kind].mime.startsWith('application/json')) {
      expect(() => JSON.parse(content as string), format).not.toThrow();
    }
    if (spec.kind === 'csv') expect((content as string).split('\n').length, format).toBeGreaterThan(1);
  });

  it('draws the PNG from the diagram’s SVG', () => {
    expect(rasterised).toHaveLength(1);
    expect(rasterised[0]).toContain(model.name);
  });

  it('names no two formats’ files alike, and shows every format in the dialog once', () => {
    const names = OTHER_FORMATS.map((f) => `${EXPORT_FORMATS[f].suffix(null)}${EXPORT_KINDS[EXPORT_FORMATS[f].kind].ext}`);
    expect(new Set(names).size).toBe(names.length);
    const shown = [...formatsFrom('report'), ...formatsFrom('diagram'), ...formatsFrom('model')];
    expect(shown.sort()).toEqual([...OTHER_FORMATS].sort());
  });
});

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const menuOf = (platform: NodeJS.Platform, send: (c: MenuCommand) => void = () => {}) =>
  flatten(buildMenuTemplate(send, platform, [], { isPackaged: true, openRecent: () => {}, clearRecent: () => {} }));

describe('every menu command is in the native menu and reaches the app', () => {
  beforeEach(() => {
    // Undo and Redo ask whether a text field has focus; here none has.
    vi.stubGlobal('document', { activeElement: null });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Each target method records what it was asked, so each command's effect can be read back. */
  function recorder(calls: string[]): MenuTargets {
    const rec =
      (name: string) =>
      (...args: unknown[]) =>
        void calls.push([name, ...args].join(':'));
    return {
      newModel: rec('newModel'),
      open: rec('open'),
      save: rec('save'),
      overlay: rec('overlay'),
      undo: rec('undo'),
      redo: rec('redo'),
      fit: rec('fit'),
      zoomIn: rec('zoomIn'),
      zoomOut: rec('zoomOut'),
      toggleTheme: rec('toggleTheme'),
    };
  }

  it.each(['linux', 'win32', 'darwin'] as NodeJS.Platform[])('on %s, each command has an item that sends it', (platform) => {
    const sent: MenuCommand[] = [];
    const items = menuOf(platform, (c) => sent.push(c));
    for (const command of MENU_COMMANDS) {
      const item = items.find((i) => i.id === `command:${command}`);
      expect(item, command).toBeDefined();
      (item!.click as () => void)();
      expect(sent.at(-1)).toBe(command);
    }
  });

  it('handles each command with an effect of its own', () => {
    const effects = MENU_COMMANDS.map((command) => {
      const calls: string[] = [];
      menuHandlers(recorder(calls))[command]();
      expect(calls, command).toHaveLength(1);
      return calls[0];
    });
    expect(new Set(effects).size).toBe(MENU_COMMANDS.length);
  });
});

/** The key event a chord or an accelerator describes. */
const press = (key: string, mod = false, shift = false): KeyLike => ({ key, ctrlKey: mod, metaKey: false, shiftKey: shift, altKey: false });

describe('every key action has keys, and each key one action', () => {
  const tables = Object.entries(KEY_TABLES) as [keyof typeof KEY_TABLES, (typeof KEY_TABLES)[keyof typeof KEY_TABLES]][];

  it.each(tables)('%s keys: each action is bound, and its keys give it back', (mode, table) => {
    for (const [action, binding] of Object.entries(table)) {
      expect(binding.press.length, action).toBeGreaterThan(0);
      for (const chord of binding.press) {
        for (const shift of chord.shift === undefined ? [false, true] : [chord.shift]) {
          const e = press(chord.key, chord.mod === true, shift);
          const got = mode === 'file' ? fileActionFor(e) : actionFor(e, mode === 'present' ? 'present' : 'edit');
          expect(got, `${action}: ${JSON.stringify(chord)}`).toBe(action);
        }
      }
    }
  });

  it('lists every editor action in the overlay, the arrows once for all four', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    const unlisted = Object.keys(KEY_TABLES.edit).filter((a) => !listed.has(a as never));
    expect(unlisted.sort()).toEqual(['nudge-down', 'nudge-left', 'nudge-up']);
  });

  it.each(['linux', 'darwin'] as NodeJS.Platform[])('on %s, a menu accelerator the page also hears asks the page for the same command', (platform) => {
    for (const item of menuOf(platform)) {
      if (typeof item.accelerator !== 'string' || !item.id?.startsWith('command:')) continue;
      const command = item.id.slice('command:'.length);
      const parts = item.accelerator.split('+');
      const key = parts.at(-1)!.toLowerCase();
      const e = press(key, parts.some((p) => /^(CmdOrCtrl|Cmd|Ctrl)$/.test(p)), parts.includes('Shift'));
      const heard = fileActionFor(e) ?? actionFor(e);
      // Either the page leaves the key to the menu, or it does what the menu item says.
      if (heard !== null) expect(heard, item.accelerator).toBe(command);
    }
  });
});
