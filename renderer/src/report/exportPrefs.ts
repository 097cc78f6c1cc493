/**
 * What the export dialog remembers between exports, on this machine: who prepared the report and for whom,
 * and the paper. The title is the model's, so it is not remembered.
 */
import type { Paper } from '../../../shared/report/index.ts';
import { PAPERS } from '../../../shared/report/index.ts';

const KEY = 'faultline.export';

interface ExportPrefs {
  author: string;
  organisation: string;
  paper: Paper | null;
}

export function loadExportPrefs(storage: Pick<Storage, 'getItem'> = localStorage): ExportPrefs {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
    return {
      author: text(raw.author),
      organisation: text(raw.organisation),
      paper: (PAPERS as readonly unknown[]).includes(raw.paper) ? (raw.paper as Paper) : null,
    };
  } catch {
    return { author: '', organisation: '', paper: null };
  }
}

export function saveExportPrefs(prefs: ExportPrefs, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or unavailable: the dialog still works, it just forgets.
  }
}
