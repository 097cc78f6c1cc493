import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { fixtureFiles, graphOf, imported } from './fixtures.ts';

describe('docker-compose import of two awesome-compose projects', () => {
  const all = imported('compose', fixtureFiles('compose'));
  const g = graphOf(all);

  it('makes services services, in a boundary per project, with health checks read', () => {
    expect(g.node('compose-react-java-mysql-svc-db')).toMatchObject({ kind: 'service', boundary: 'compose-react-java-mysql', props: { healthCheck: true } });
    expect(g.props('compose-react-java-mysql-svc-backend').healthCheck).toBe(false);
    expect(all.graph.boundaries.map((b) => b.label).sort()).toEqual(['Compose: gitea-postgres', 'Compose: react-java-mysql']);
  });

  it('makes top-level secrets secrets held by the services that list them', () => {
    expect(g.node('compose-react-java-mysql-secret-db-password')).toMatchObject({ kind: 'secret', props: { secretType: 'password', file: 'db/password.txt' } });
    g.edge('holds', 'compose-react-java-mysql-svc-backend', 'compose-react-java-mysql-secret-db-password');
    g.edge('holds', 'compose-react-java-mysql-svc-db', 'compose-react-java-mysql-secret-db-password');
  });

  it('makes *_PASSWORD variables secrets in an env-file location; a *_FILE variable is a path, not a secret', () => {
    const pw = 'compose-gitea-postgres-env-postgres-password';
    expect(g.node(pw)).toMatchObject({ kind: 'secret', label: 'POSTGRES_PASSWORD', props: { source: { file: 'gitea-postgres.compose.yaml', line: 19 } } });
    g.edge('holds', 'compose-gitea-postgres-svc-db', pw);
    expect(g.props('compose-gitea-postgres-env').locationType).toBe('env-file');
    g.edge('contains', 'compose-gitea-postgres-env', pw);
    expect(all.graph.nodes.some((n) => n.label === 'MYSQL_ROOT_PASSWORD_FILE')).toBe(false);
  });

  it('reports a password written in the compose file itself, by any of its usual names', () => {
    expect(all.findings).toEqual([
      expect.objectContaining({ rule: 'compose-literal-secret', node: 'compose-gitea-postgres-env-db-passwd', line: 9 }),
      expect.objectContaining({ rule: 'compose-literal-secret', node: 'compose-gitea-postgres-env-postgres-password', line: 19 }),
    ]);
  });

  it('makes depends_on a call, so an outage travels, and images dependencies', () => {
    g.edge('calls', 'compose-react-java-mysql-svc-backend', 'compose-react-java-mysql-svc-db');
    g.edge('depends-on', 'compose-react-java-mysql-svc-db', 'compose-image-mariadb-10-6-4-focal');
    const model = modelFromImport(all, 'compose');
    const result = simulate(model, { id: 'o', breaks: [{ mode: 'outage', node: 'compose-react-java-mysql-svc-db' }] });
    expect(result.impacts.filter((i) => i.effect === 'down').map((i) => i.node).sort()).toEqual([
      'compose-react-java-mysql-svc-backend',
      'compose-react-java-mysql-svc-db',
      'compose-react-java-mysql-svc-frontend',
    ]);
  });

  it('refuses a file that is not YAML, and one without services, saying why', () => {
    expect(importFiles('compose', [{ name: 'c.yaml', text: 'services:\n  a: {image: x\n' }]).ok).toBe(false);
    const r = importFiles('compose', [{ name: 'c.yaml', text: 'version: "3"\nfoo: 1\n' }]);
    expect(r).toMatchObject({ ok: false, error: { file: 'c.yaml', message: expect.stringMatching(/^nothing to import in it: not a compose file \(no services:\); left out\. docker-compose reads/) } });
  });

  it('names an image by the default its variable is given, and warns when only the environment names it', () => {
    const text = 'services:\n  web:\n    image: ${WEB_IMAGE:-ghcr.io/acme/web:${TAG:-1.4}}\n  worker:\n    image: acme/worker:${TAG}\n';
    const r = importFiles('compose', [{ name: 'compose.yaml', text }]);
    if (!r.ok) throw new Error(r.error.message);
    const g2 = graphOf(r.value);
    expect(g2.node('compose-image-ghcr-io-acme-web-1-4').label).toBe('ghcr.io/acme/web:1.4');
    expect(g2.edge('depends-on', 'compose-compose-svc-web', 'compose-image-ghcr-io-acme-web-1-4').props.ref).toBe('1.4');
    expect(r.value.warnings.map((w) => [w.line, w.message])).toEqual([[5, 'worker: the image is chosen by ${TAG} when compose runs; imported as written (acme/worker:${TAG})']]);
  });
});
