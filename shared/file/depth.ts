/**
 * A limit on how deeply JSON may nest. Unknown props are kept through a load and a save, so without a limit
 * a prop nested thousands of levels deep would load and then break every save (serialising recurses). The
 * walk here is iterative, so it never runs out of stack however deep the input is.
 */
import type { LoadError } from './errors.ts';
import { formatPath, loadError } from './errors.ts';

/**
 * Levels of arrays and objects, counting the file's root object as 1. A model needs 7 (root, model, nodes,
 * a node, props, an array prop, …); the rest is room for nested unknown props.
 */
export const MAX_NESTING = 64;

interface Frame {
  value: unknown;
  depth: number;
  key: PropertyKey;
  parent: Frame | null;
}

function pathOf(frame: Frame): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) out.push(f.key);
  return out.reverse();
}

/** The first array or object nested deeper than `max`, as a load error naming its JSON path; null if none. */
export function checkNesting(root: unknown, max = MAX_NESTING): LoadError | null {
  if (typeof root !== 'object' || root === null) return null;
  const stack: Frame[] = [{ value: root, depth: 1, key: '', parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth > max) {
      return loadError('too-deep', formatPath(pathOf(frame)), `nested more than ${max} levels deep; Faultline refuses such a file`);
    }
    // Only arrays and objects are pushed, in reverse, so the first problem in file order is found first.
    const push = (child: unknown, key: PropertyKey) => {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, key, parent: frame });
    };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], i);
    } else {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) push(obj[keys[i]], keys[i]);
    }
  }
  return null;
}

/**
 * The text up to where it first opens an array or object deeper than `max`, every array and object still
 * open then closed: valid JSON whose deepest point is that one, when the text before it is valid. Null when
 * the text nests no deeper. One pass over the characters: a file of brackets nested a million deep is
 * refused in a fraction of a second, before JSON.parse builds it (seconds and gigabytes).
 */
export function tooDeepPrefix(text: string, max = MAX_NESTING): string | null {
  const closers: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      closers.push(c === 0x7b ? 0x7d : 0x5d);
      if (closers.length > max) return text.slice(0, i + 1) + String.fromCharCode(...closers.reverse());
    } else if (c === 0x7d || c === 0x5d) closers.pop();
  }
  return null;
}
