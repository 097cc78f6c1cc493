import { describe, expect, it } from 'vitest';
import { parseImage } from '../../../shared/import/index.ts';

describe('an image reference', () => {
  const digest = `sha256:${'c'.repeat(64)}`;

  it('runs its tag, its digest when pinned, else latest', () => {
    expect(parseImage('nginx:1.19')).toEqual({ name: 'nginx:1.19', ref: '1.19', verified: false });
    expect(parseImage('nginx')).toEqual({ name: 'nginx', ref: 'latest', verified: false });
    expect(parseImage(`nginx:1.19@${digest}`)).toEqual({ name: 'nginx:1.19', ref: digest, verified: true });
  });

  it('does not take a registry’s port for a tag', () => {
    expect(parseImage('localhost:5000/team/app')).toEqual({ name: 'localhost:5000/team/app', ref: 'latest', verified: false });
    expect(parseImage('registry.acme.io:443/app:2.0').ref).toBe('2.0');
  });

  it('is not verified by a digest that is not a full sha256', () => {
    expect(parseImage('nginx@sha256:abc').verified).toBe(false);
    expect(parseImage('nginx@md5:' + 'c'.repeat(64)).verified).toBe(false);
  });
});
