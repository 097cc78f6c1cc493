import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { edgePropsSchemas, nodePropsSchemas } from '../../../shared/domain/index.ts';
import { acceptedValues, fieldsOf } from '../../../renderer/src/shell/inspector/fields.ts';

const field = (schema: z.ZodType, name: string) => fieldsOf(schema).find((f) => f.name === name)!;

describe('refusals in words', () => {
  it('says what a field accepts instead of the schema’s message', () => {
    expect(acceptedValues(field(nodePropsSchemas.service, 'criticality'), 'Too big: expected number to be <=5')).toBe('Criticality is 1 to 5.');
    expect(acceptedValues(field(nodePropsSchemas.secret, 'ttlHours'), 'x')).toMatch(/^TTL is 0 to [\d,]+ hours \(or empty\)\.$/);
    expect(acceptedValues(field(edgePropsSchemas.grants, 'likelihood'), 'x')).toBe('Likelihood is 0 to 1.');
    expect(acceptedValues(field(nodePropsSchemas.service, 'environment'), 'x')).toBe('Environment is one of: prod, staging, dev, shared.');
    expect(acceptedValues(field(nodePropsSchemas.secret, 'expiresAt'), 'x')).toBe('Expires is a date like 2026-11-27 (or empty).');
  });
});
