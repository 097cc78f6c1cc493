/** The starting models in assets/templates, bundled as text and loaded through the one load path. */
import type { Model } from '../../../shared/domain/schema.ts';
import { parseModelFile } from '../../../shared/file/loader.ts';

const files = import.meta.glob('../../../assets/templates/*.faultline.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Template {
  id: string;
  model: Model;
}

/** Templates that fail to load are left out rather than breaking the home view; a unit test guards them. */
export const TEMPLATES: Template[] = Object.entries(files)
  .flatMap(([path, text]) => {
    const result = parseModelFile(text);
    const id = (path.split('/').pop() ?? path).replace(/\.faultline\.json$/, '');
    return result.ok ? [{ id, model: result.value }] : [];
  })
  .sort((a, b) => a.model.name.localeCompare(b.model.name));
