/** Inspector fields generated from the domain's zod schemas: the schema decides the control. */
import { shapeOf } from '../../editor/props.ts';
import { DATE_PROPS, MULTILINE_PROPS, PROP_ORDER, PROP_TITLES, PROP_UNITS } from './help.ts';
import { formatCount } from '../../../../shared/format.ts';

export type FieldSpec = { name: string; title: string } & (
  | { type: 'enum'; options: readonly string[] }
  | { type: 'boolean' }
  | { type: 'number'; min?: number; max?: number; int: boolean; nullable: boolean; unit?: string; step: number }
  | { type: 'text'; multiline: boolean }
  | { type: 'date'; nullable: boolean }
  | { type: 'multi'; options: readonly string[] }
);

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike } };
  options?: readonly string[];
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

function unwrap(schema: ZodLike): { inner: ZodLike; nullable: boolean } {
  let inner = schema;
  let nullable = false;
  while (inner._zod.def.innerType) {
    if (inner._zod.def.type === 'nullable') nullable = true;
    inner = inner._zod.def.innerType;
  }
  return { inner, nullable };
}

const finite = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n : undefined);

export function titleOf(name: string): string {
  return (
    PROP_TITLES[name] ??
    name.charAt(0).toUpperCase() +
      name
        .slice(1)
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()
  );
}

function specOf(name: string, schema: ZodLike): FieldSpec | null {
  const { inner, nullable } = unwrap(schema);
  const title = titleOf(name);
  switch (inner._zod.def.type) {
    case 'enum':
      return { name, title, type: 'enum', options: inner.options ?? [] };
    case 'boolean':
      return { name, title, type: 'boolean' };
    case 'number': {
      const min = finite(inner.minValue);
      const max = finite(inner.maxValue);
      const int = inner.isInt ?? false;
      const step = int ? 1 : max !== undefined && max <= 1 ? 0.05 : 0.5;
      return { name, title, type: 'number', min, max, int, nullable, unit: PROP_UNITS[name], step };
    }
    case 'string':
      return DATE_PROPS.has(name)
        ? { name, title, type: 'date', nullable }
        : { name, title, type: 'text', multiline: MULTILINE_PROPS.has(name) };
    case 'array': {
      const el = inner._zod.def.element;
      return el?.options ? { name, title, type: 'multi', options: el.options } : null;
    }
    default:
      return null;
  }
}

const rank = (name: string) => {
  const i = PROP_ORDER.indexOf(name);
  return i < 0 ? PROP_ORDER.length : i;
};

/** The fields of a props schema, in display order. */
export function fieldsOf(schema: unknown): FieldSpec[] {
  return Object.entries(shapeOf(schema))
    .map(([name, s]) => specOf(name, s as ZodLike))
    .filter((f): f is FieldSpec => f !== null)
    .sort((a, b) => rank(a.name) - rank(b.name));
}

/** Fields every schema has with the same control: what a multi-selection of mixed kinds can edit together. */
export function sharedFields(schemas: readonly unknown[]): FieldSpec[] {
  const [first, ...rest] = schemas.map(fieldsOf);
  if (!first) return [];
  return first.filter((f) =>
    rest.every((fs) => fs.some((g) => g.name === f.name && JSON.stringify(g) === JSON.stringify(f))),
  );
}

/**
 * What a field accepts, in words, for a refused value: "Criticality is 1 to 5", not the schema's "Too big:
 * expected number to be <=5". Falls back to the schema's own message where the field says nothing more.
 */
export function acceptedValues(spec: FieldSpec, schemaMessage: string): string {
  switch (spec.type) {
    case 'number': {
      const n = formatCount;
      const whole = spec.int ? 'a whole number, ' : '';
      const unit = spec.unit ? ` ${spec.unit}` : '';
      const empty = spec.nullable ? ' (or empty)' : '';
      if (spec.min !== undefined && spec.max !== undefined) return `${spec.title} is ${n(spec.min)} to ${n(spec.max)}${unit}${empty}.`;
      if (spec.min !== undefined) return `${spec.title} is ${whole}at least ${n(spec.min)}${unit}${empty}.`;
      if (spec.max !== undefined) return `${spec.title} is ${whole}at most ${n(spec.max)}${unit}${empty}.`;
      return `${spec.title} is ${spec.int ? 'a whole number' : 'a number'}${empty}.`;
    }
    case 'date':
      return `${spec.title} is a date like 2026-11-27${spec.nullable ? ' (or empty)' : ''}.`;
    case 'enum':
      return `${spec.title} is one of: ${spec.options.join(', ')}.`;
    case 'multi':
      return `${spec.title} takes only: ${spec.options.join(', ')}.`;
    default:
      return schemaMessage;
  }
}
