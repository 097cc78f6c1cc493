/**
 * docker-compose files: each service is a `service`; top-level `secrets:` are secrets the services that list
 * them hold; environment variables named like *_KEY, *_TOKEN, *_PASSWORD (*_PASSWD, *_PASS) or *_SECRET are
 * secrets kept in the project's environment (an `env-file` location: the `.env` file and the compose file
 * itself), and one written out in the compose file is a finding. `depends_on` and `links` are calls (what goes
 * down when a service does); images are dependencies. Networks, volumes and ports take no part in the trust
 * graph.
 */
import type { Result } from '../result.ts';
import { ok } from '../result.ts';
import { GraphBuilder, slug } from './graph.ts';
import { parseImage } from './image.ts';
import type { Json, JsonObject, ParsedFile } from './parse.ts';
import { asArray, asObject, asString, isObject, parseText } from './parse.ts';
import { secretTypeFromName } from './secretType.ts';
import type { ImportError, ImportOutcome, SourceFile } from './types.ts';

/** The names the issue lists; `*_FILE` variables hold a path to a secret, not the secret. */
const SECRET_VAR = /(?:^|_)(?:KEY|TOKEN|PASSWORD|PASSWD|PASS|SECRET)$/i;
const KNOWN_TOP = new Set(['services', 'secrets', 'volumes', 'networks', 'configs', 'version', 'name', 'include', 'models']);

/** `environment:` as a mapping or as a list of `NAME=value`. */
function environment(value: Json | undefined): Map<string, string | null> {
  const env = new Map<string, string | null>();
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = asString(item);
      if (!s) continue;
      const at = s.indexOf('=');
      env.set(at < 0 ? s : s.slice(0, at), at < 0 ? null : s.slice(at + 1));
    }
  } else {
    for (const [k, v] of Object.entries(asObject(value))) env.set(k, v === null ? null : String(v));
  }
  return env;
}

const listOrKeys = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.map((x) => asString(x) ?? asString(asObject(x).source)).filter((x): x is string => !!x) : Object.keys(asObject(v));

/** Compose's own rule: the project is named after the folder; `web.compose.yaml` names itself. */
function projectName(file: string): string {
  const parts = file.split(/[\\/]/);
  const base = (parts.pop() ?? '').replace(/\.ya?ml$/i, '').replace(/[.-]?(?:docker-)?compose(?:\.override)?$/i, '');
  return base || parts.pop() || 'compose';
}

function importProject(b: GraphBuilder, parsed: ParsedFile): void {
  const file = parsed.file.name;
  const doc = parsed.docs[0];
  if (!isObject(doc) || !isObject(doc.services)) {
    b.warn({ file, line: 1 }, 'not a compose file (no services:); left out');
    return;
  }
  for (const key of Object.keys(doc)) {
    if (!KNOWN_TOP.has(key) && !key.startsWith('x-')) b.warn({ file, line: parsed.keyLine(doc, key) }, `top-level "${key}" is not a compose key; left out`);
  }
  const project = asString(doc.name) ?? projectName(file);
  const key = slug(project);
  const boundary = b.boundary(`compose-${key}`, `Compose: ${project}`);
  const svcId = (name: string) => `compose-${key}-svc-${slug(name)}`;
  let envLocation: string | null = null;
  const envFile = () => {
    envLocation ??= b.node(`compose-${key}-env`, 'location', `Environment of ${project} (.env, compose file)`, { file, line: 1 }, { locationType: 'env-file', audience: 'team' }, boundary);
    return envLocation;
  };

  const topSecrets = asObject(doc.secrets);
  const secretNode = (name: string, line: number | null) => {
    const def = asObject(topSecrets[name]);
    if (!(name in topSecrets)) b.warn({ file, line }, `secret "${name}" is not declared under top-level secrets:; imported all the same`);
    return b.node(`compose-${key}-secret-${slug(name)}`, 'secret', name, { file, line: parsed.keyLine(topSecrets, name) ?? line }, {
      secretType: secretTypeFromName(name),
      ...(asString(def.file) ? { file: asString(def.file) } : {}),
      ...(def.external === true ? { external: true } : {}),
    }, boundary);
  };

  for (const [name, value] of Object.entries(doc.services)) {
    const svc: JsonObject = asObject(value);
    const line = parsed.lineOf(value) ?? parsed.keyLine(doc.services, name);
    const id = b.node(svcId(name), 'service', name, { file, line }, { healthCheck: isObject(svc.healthcheck) }, boundary);
    for (const s of listOrKeys(svc.secrets)) b.edge('holds', id, secretNode(s, parsed.textLine(line, s)));
    for (const [variable, v] of environment(svc.environment)) {
      if (!SECRET_VAR.test(variable) || /_FILE$/i.test(variable)) continue;
      const at = parsed.textLine(line, variable);
      const secret = b.node(`compose-${key}-env-${slug(variable)}`, 'secret', variable, { file, line: at }, { secretType: secretTypeFromName(variable) }, boundary);
      b.edge('holds', id, secret);
      b.edge('contains', envFile(), secret);
      if (v !== null && v !== '' && !/^\$\{?[A-Za-z_]/.test(v)) {
        b.finding({
          rule: 'compose-literal-secret',
          severity: 'high',
          title: 'Secret written in the compose file',
          message: `${variable} of ${name} is set to a value in ${file}: anyone who can read the file (and the repository it is in) has it. Take it from a .env file or a compose secret.`,
          node: secret,
          file,
          line: at,
        });
        b.note(`note-compose-literal-${secret}`, `⚠ ${variable} is written in ${file} (line ${at ?? '?'})`, secret, '#fecaca');
        b.appendNodeNotes(secret, `Import finding: written in ${file}${at ? ` line ${at}` : ''}.`);
      }
    }
    for (const f of Array.isArray(svc.env_file) ? svc.env_file : svc.env_file ? [svc.env_file] : []) {
      const path = asString(f) ?? asString(asObject(f).path) ?? '?';
      b.warn({ file, line: parsed.textLine(line, 'env_file') }, `${name}: env_file ${path} is not read; secrets kept in it are not imported`);
    }
    const written = asString(svc.image);
    if (written) {
      const at = { file, line: parsed.textLine(line, 'image:') };
      const { text, unresolved } = withDefaults(written);
      if (unresolved.length > 0) b.warn(at, `${name}: the image is chosen by ${unresolved.join(', ')} when compose runs; imported as written (${text})`);
      const image = parseImage(text);
      const dep = b.node(`compose-image-${slug(image.name)}`, 'dependency', image.name, at, { dependencyType: 'image' });
      b.edge('depends-on', id, dep, { props: { verified: image.verified, ref: image.ref } });
    }
  }
  for (const [name, value] of Object.entries(doc.services)) {
    const svc = asObject(value);
    for (const dep of [...listOrKeys(svc.depends_on), ...asArray(svc.links).map((l) => (asString(l) ?? '').split(':')[0])]) {
      if (dep && dep in asObject(doc.services)) b.edge('calls', svcId(name), svcId(dep), { props: { access: 'none', required: true } });
    }
  }
}

/**
 * A value with compose's variables given the defaults the file writes (`${TAG:-1.4}`, `${TAG-1.4}` → 1.4),
 * and the variables left that only the environment fills (`${TAG}`, `$TAG`, `${TAG:?…}`).
 */
export function withDefaults(value: string): { text: string; unresolved: string[] } {
  let text = value;
  // Innermost first, so that a default may itself hold a variable with a default.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}/g, '$1');
  }
  const unresolved = [...new Set(text.replace(/\$\$/g, '').match(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g) ?? [])];
  return { text, unresolved };
}

export function importCompose(files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const b = new GraphBuilder();
  for (const file of files) {
    const p = parseText(file);
    if (!p.ok) return p;
    importProject(b, p.value);
  }
  return ok({ kind: 'compose', graph: b.build(), warnings: b.warnings, findings: b.findings, files: files.length });
}
