/** Inspector fields generated from the domain's zod schemas: the schema decides the control. */
import { z } from 'zod';
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

/** The part of a JSON Schema (as `z.toJSONSchema` writes a props schema) that decides a field's control. */
interface JsonField {
  type?: string;
  enum?: readonly unknown[];
  anyOf?: readonly JsonField[];
  items?: JsonField;
  minimum?: number;
  maximum?: number;
}

/** `T | null` is written `anyOf: [T, {type: 'null'}]`. */
function unwrap(schema: JsonField): { inner: JsonField; nullable: boolean } {
  const some = schema.anyOf?.filter((s) => s.type !== 'null');
  if (!schema.anyOf || some?.length !== 1) return { inner: schema, nullable: false };
  return { inner: some[0], nullable: some.length < schema.anyOf.length };
}

const strings = (values: readonly unknown[] | undefined) => values?.filter((v): v is string => typeof v === 'string');

const finite = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n : undefined);

function titleOf(name: string): string {
  return (
    PROP_TITLES[name] ??
    name.charAt(0).toUpperCase() +
      name
        .slice(1)
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()
  );
}

function specOf(name: string, schema: JsonField): FieldSpec | null {
  const { inner, nullable } = unwrap(schema);
  const title = titleOf(name);
  const options = strings(inner.enum);
  if (options) return { name, title, type: 'enum', options };
  switch (inner.type) {
    case 'boolean':
      return { name, title, type: 'boolean' };
    case 'integer':
    case 'number': {
      const min = finite(inner.minimum);
      const max = finite(inner.maximum);
      const int = inner.type === 'integer';
      const step = int ? 1 : max !== undefined && max <= 1 ? 0.05 : 0.5;
      return { name, title, type: 'number', min, max, int, nullable, unit: PROP_UNITS[name], step };
    }
    case 'string':
      return DATE_PROPS.has(name)
        ? { name, title, type: 'date', nullable }
        : { name, title, type: 'text', multiline: MULTILINE_PROPS.has(name) };
    case 'array': {
      const choices = strings(inner.items?.enum);
      return choices ? { name, title, type: 'multi', options: choices } : null;
    }
    default:
      return null;
  }
}

const rank = (name: string) => {
  const i = PROP_ORDER.indexOf(name);
  return i < 0 ? PROP_ORDER.length : i;
};

const propsCache = new WeakMap<object, Record<string, JsonField>>();

/** A props schema's properties as JSON Schema (the input side: defaults make a prop optional, not absent); once per schema. */
function propertiesOf(schema: z.ZodType): Record<string, JsonField> {
  let props = propsCache.get(schema);
  if (!props) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonField> };
    props = json.properties ?? {};
    propsCache.set(schema, props);
  }
  return props;
}

/** The fields of a props schema, in display order. */
export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  return Object.entries(propertiesOf(schema))
    .map(([name, s]) => specOf(name, s))
    .filter((f): f is FieldSpec => f !== null)
    .sort((a, b) => rank(a.name) - rank(b.name));
}

/** Fields every schema has with the same control: what a multi-selection of mixed kinds can edit together. */
export function sharedFields(schemas: readonly z.ZodType[]): FieldSpec[] {
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
