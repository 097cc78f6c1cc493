import { beforeEach, describe, expect, it } from 'vitest';
import type { LayoutStore } from '../../../renderer/src/shell/layout.ts';
import { LAYOUT_KEY, PANEL_SIZES, createLayoutStore, dockOpener, minimapShown, panelShown, readPrefs } from '../../../renderer/src/shell/layout.ts';
import { createScenarioStore } from '../../../renderer/src/scenarios/store.ts';

/** localStorage, as far as the layout uses it. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('the editor layout', () => {
  let storage: ReturnType<typeof memoryStorage>;
  let layout: LayoutStore;

  beforeEach(() => {
    storage = memoryStorage();
    layout = createLayoutStore(storage, 900);
  });

  it('starts with every panel open at its first size', () => {
    const s = layout.getState();
    for (const panel of ['palette', 'inspector', 'dock'] as const) expect(panelShown(s, panel)).toBe(true);
    expect(s.palette.size).toBe(PANEL_SIZES.palette.initial);
    expect(s.focus).toBe(false);
  });

  it('gives the dock less of a short window', () => {
    expect(createLayoutStore(null, 720).getState().dock.size).toBe(180);
    expect(createLayoutStore(null, 1200).getState().dock.size).toBe(PANEL_SIZES.dock.initial);
  });

  it('folds and resizes each panel, within its limits', () => {
    layout.getState().toggle('inspector');
    expect(panelShown(layout.getState(), 'inspector')).toBe(false);
    layout.getState().resize('palette', 5000);
    expect(layout.getState().palette.size).toBe(PANEL_SIZES.palette.max);
    layout.getState().resize('palette', 10);
    expect(layout.getState().palette.size).toBe(PANEL_SIZES.palette.min);
  });

  it('hides all three in focus mode and brings back each one as it was', () => {
    layout.getState().toggle('dock');
    layout.getState().toggleFocus();
    const s = layout.getState();
    expect(['palette', 'inspector', 'dock'].map((p) => panelShown(s, p as never))).toEqual([false, false, false]);
    layout.getState().toggleFocus();
    const after = layout.getState();
    expect(['palette', 'inspector', 'dock'].map((p) => panelShown(after, p as never))).toEqual([true, true, false]);
  });

  it('ends focus mode when a panel is asked for, showing that one', () => {
    layout.getState().toggleFocus();
    layout.getState().toggle('palette');
    expect(layout.getState().focus).toBe(false);
    expect(panelShown(layout.getState(), 'palette')).toBe(true);
  });

  it('remembers folds, sizes and the minimap across sessions, but not focus mode', () => {
    layout.getState().toggle('palette');
    layout.getState().resize('inspector', 400);
    layout.getState().setMinimap(true);
    layout.getState().toggleFocus();
    const next = createLayoutStore(storage, 900).getState();
    expect(next.palette.open).toBe(false);
    expect(next.inspector.size).toBe(400);
    expect(next.minimap).toBe(true);
    expect(next.focus).toBe(false);
  });

  it('starts from the defaults when what was stored cannot be read', () => {
    for (const bad of ['{', '{"palette":3}', 'null', JSON.stringify({ palette: { open: 'yes', size: 1 } })]) {
      expect(readPrefs(memoryStorage({ [LAYOUT_KEY]: bad }))).toEqual(readPrefs(null));
    }
    const stored = { palette: { open: true, size: 9999 }, inspector: { open: false, size: 300 }, dock: { open: true, size: 200 }, minimap: null };
    expect(readPrefs(memoryStorage({ [LAYOUT_KEY]: JSON.stringify(stored) })).palette.size).toBe(PANEL_SIZES.palette.max);
  });

  it('shows the minimap by default on large windows only, else as chosen', () => {
    const s = layout.getState();
    expect(minimapShown(s, { width: 1280, height: 720 })).toBe(false);
    expect(minimapShown(s, { width: 1920, height: 1080 })).toBe(true);
    layout.getState().setMinimap(true);
    expect(minimapShown(layout.getState(), { width: 1280, height: 720 })).toBe(true);
  });

  it('opens the folded dock when a scenario is shown or a tab picked, and remembers it open', () => {
    const scenarios = createScenarioStore({}, dockOpener(layout));
    layout.getState().toggle('dock');
    scenarios.getState().activate('s1');
    expect(panelShown(layout.getState(), 'dock')).toBe(true);
    layout.getState().toggle('dock');
    scenarios.getState().activate(null);
    expect(layout.getState().dock.open).toBe(false);
    scenarios.getState().setTab('findings');
    expect(layout.getState().dock.open).toBe(true);
    expect(createLayoutStore(storage, 900).getState().dock.open).toBe(true);
  });

  it('leaves focus mode on when a scenario is shown with the dock already open', () => {
    const scenarios = createScenarioStore({}, dockOpener(layout));
    layout.getState().toggleFocus();
    scenarios.getState().activate('s1');
    expect(layout.getState().focus).toBe(true);
  });
});
