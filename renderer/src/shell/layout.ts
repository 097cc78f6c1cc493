/**
 * The editor's layout: whether the palette, the inspector and the scenario dock are open and how big,
 * focus mode (all three hidden at once, `\`), and the minimap. Remembered on this machine (localStorage)
 * across sessions; never part of a model, never in history.
 */
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import type { Size } from '../../../shared/visual/index.ts';

export type Panel = 'palette' | 'inspector' | 'dock';

interface PanelState {
  open: boolean;
  /** Width of a side panel, height of the dock, in CSS pixels. */
  size: number;
}

/** Sizes a person can drag each panel to, and where it starts. */
export const PANEL_SIZES: Record<Panel, { min: number; max: number; initial: number }> = {
  palette: { min: 180, max: 420, initial: 232 },
  inspector: { min: 240, max: 560, initial: 300 },
  dock: { min: 140, max: 900, initial: 260 },
};

/** Below this window size the minimap starts folded: it would sit on the nodes of a small canvas. */
const MINIMAP_MIN_WINDOW = { width: 1600, height: 1000 };

interface LayoutPrefs {
  palette: PanelState;
  inspector: PanelState;
  dock: PanelState;
  /** Null until the person chooses: then shown on large windows only. */
  minimap: boolean | null;
}

export interface LayoutState extends LayoutPrefs {
  /** Palette, inspector and dock hidden at once; their own states come back when it ends. */
  focus: boolean;
  setOpen(panel: Panel, open: boolean): void;
  toggle(panel: Panel): void;
  resize(panel: Panel, size: number): void;
  toggleFocus(): void;
  setMinimap(on: boolean): void;
}

export const LAYOUT_KEY = 'faultline.layout';

const panelSchema = z.object({ open: z.boolean(), size: z.number().finite() });
const prefsSchema = z.object({
  palette: panelSchema,
  inspector: panelSchema,
  dock: panelSchema,
  minimap: z.boolean().nullable(),
});

const clamp = (panel: Panel, size: number) => Math.round(Math.min(PANEL_SIZES[panel].max, Math.max(PANEL_SIZES[panel].min, size)));

/** The first layout: the dock takes at most a quarter of the window's height (the canvas keeps its room). */
function defaultPrefs(windowHeight = 900): LayoutPrefs {
  return {
    palette: { open: true, size: PANEL_SIZES.palette.initial },
    inspector: { open: true, size: PANEL_SIZES.inspector.initial },
    dock: { open: true, size: clamp('dock', Math.min(PANEL_SIZES.dock.initial, windowHeight * 0.25)) },
    minimap: null,
  };
}

/** What was remembered, or the defaults when nothing (or something unreadable) was. */
export function readPrefs(storage: Pick<Storage, 'getItem'> | null, windowHeight = 900): LayoutPrefs {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(LAYOUT_KEY) ?? 'null');
  } catch {
    return defaultPrefs(windowHeight);
  }
  const parsed = prefsSchema.safeParse(raw);
  if (!parsed.success) return defaultPrefs(windowHeight);
  const p = parsed.data;
  return {
    palette: { open: p.palette.open, size: clamp('palette', p.palette.size) },
    inspector: { open: p.inspector.open, size: clamp('inspector', p.inspector.size) },
    dock: { open: p.dock.open, size: clamp('dock', p.dock.size) },
    minimap: p.minimap,
  };
}

export type LayoutStore = ReturnType<typeof createLayoutStore>;

export function createLayoutStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null = null, windowHeight = 900) {
  const store = createStore<LayoutState>()((set, get) => ({
    ...readPrefs(storage, windowHeight),
    focus: false,
    setOpen: (panel, open) => set({ [panel]: { ...get()[panel], open }, focus: open ? false : get().focus }),
    toggle: (panel) => {
      // In focus mode every panel is hidden: asking for one ends focus mode with that one showing.
      const s = get();
      s.setOpen(panel, !panelShown(s, panel));
    },
    resize: (panel, size) => set({ [panel]: { ...get()[panel], size: clamp(panel, size) } }),
    toggleFocus: () => set({ focus: !get().focus }),
    setMinimap: (minimap) => set({ minimap }),
  }));
  if (storage) {
    store.subscribe((s, prev) => {
      if (s.palette === prev.palette && s.inspector === prev.inspector && s.dock === prev.dock && s.minimap === prev.minimap) return;
      const prefs: LayoutPrefs = { palette: s.palette, inspector: s.inspector, dock: s.dock, minimap: s.minimap };
      try {
        storage.setItem(LAYOUT_KEY, JSON.stringify(prefs));
      } catch {
        // Storage full or refused: the layout still works for this session.
      }
    });
  }
  return store;
}

/**
 * Opens the dock, for the scenario store (showing a scenario or picking a tab opens it). An open dock is
 * left as it is, so that showing a scenario in focus mode does not end it.
 */
export const dockOpener = (layout: LayoutStore) => (): void => {
  if (!layout.getState().dock.open) layout.getState().setOpen('dock', true);
};

/** Whether a panel is drawn now (its own state, unless focus mode hides it). */
export const panelShown = (s: LayoutState, panel: Panel): boolean => s[panel].open && !s.focus;

/** Whether the minimap is drawn in a window of this size. */
export const minimapShown = (s: LayoutState, window: Size): boolean =>
  s.minimap ?? (window.width >= MINIMAP_MIN_WINDOW.width && window.height >= MINIMAP_MIN_WINDOW.height);
