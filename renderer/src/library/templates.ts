/**
 * The starting models: the catalogue in assets/templates (a name and a short description in plain words),
 * each with its model bundled as text and loaded through the one load path. The same list everywhere a user
 * starts from one: the first-launch panel, the top bar's Templates menu and the library.
 */
import { TEMPLATES as CATALOGUE } from '../../../assets/templates/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { parseModelFile } from '../../../shared/file/index.ts';

const files = import.meta.glob('../../../assets/templates/*.faultline.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Template {
  id: string;
  name: string;
  /** One or two sentences: what the system is and what to try first. */
  description: string;
  model: Model;
}

const textOf = (file: string) => Object.entries(files).find(([path]) => path.endsWith(`/${file}`))?.[1];

/** Templates that fail to load are left out rather than breaking the views; a unit test guards them. */
export const TEMPLATES: Template[] = CATALOGUE.flatMap((entry) => {
  const text = textOf(entry.file);
  const result = text === undefined ? null : parseModelFile(text);
  return result?.ok ? [{ id: entry.id, name: entry.name, description: entry.description, model: result.value }] : [];
});
