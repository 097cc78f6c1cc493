// Barrels codemod: every module of shared/ is used through its index.ts. Re-runnable (after a merge, after new imports).
// Usage: cd <checkout> && node test/tools/barrelsCodemod.mjs   (rewrites files in place; then npm run typecheck && npm run lint)
// It adds to each module's index.ts what other code imports from that module's files, and points those imports at it.
/* global process */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const ROOT = process.cwd();
const ts = createRequire(path.join(ROOT, 'package.json'))('typescript');
const SHARED = path.join(ROOT, 'shared');
/** Modules inside modules: loaded on their own (the PDF writer pulls in pdfkit, so the app imports it lazily). */
const NESTED = ['report/pdf'];
const MODULES = [
  ...fs.readdirSync(SHARED, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name),
  ...NESTED.filter((m) => fs.existsSync(path.join(SHARED, m))),
].sort((a, b) => b.length - a.length);

const moduleOf = (abs) => {
  const rel = path.relative(SHARED, abs).split(path.sep).join('/');
  if (rel.startsWith('..')) return null;
  return MODULES.find((m) => rel.startsWith(`${m}/`)) ?? null;
};
const barrelOf = (m) => path.join(SHARED, m, 'index.ts');
const relSpec = (fromFile, toAbs) => {
  const r = path.relative(path.dirname(fromFile), toAbs).split(path.sep).join('/');
  return r.startsWith('.') ? r : `./${r}`;
};

const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.d.ts'))
  .map((f) => path.join(ROOT, f));

/** module → source file → { values, types, star } that code outside the module takes from it. */
const needs = new Map();
const need = (m, file) => {
  if (!needs.has(m)) needs.set(m, new Map());
  const byFile = needs.get(m);
  if (!byFile.has(file)) byFile.set(file, { values: new Set(), types: new Set(), star: false });
  return byFile.get(file);
};

const parse = (file, text) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

let rewritten = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = parse(file, text);
  const own = moduleOf(file);
  const edits = []; // [start, end, replacement]
  /** A deep import into another module: the barrel to use instead, or null. */
  const target = (lit) => {
    if (!lit.text.startsWith('.')) return null;
    const abs = path.resolve(path.dirname(file), lit.text);
    const m = moduleOf(abs);
    if (!m || m === own || abs === barrelOf(m)) return null;
    edits.push([lit.getStart(sf) + 1, lit.getEnd() - 1, relSpec(file, barrelOf(m))]);
    return { m, abs };
  };
  const visit = (n) => {
    if (ts.isImportDeclaration(n)) {
      const t = target(n.moduleSpecifier);
      const c = n.importClause;
      if (t && c) {
        const req = need(t.m, t.abs);
        if (c.name || (c.namedBindings && ts.isNamespaceImport(c.namedBindings))) req.star = true;
        if (c.namedBindings && ts.isNamedImports(c.namedBindings))
          for (const e of c.namedBindings.elements) (c.isTypeOnly || e.isTypeOnly ? req.types : req.values).add((e.propertyName ?? e.name).text);
      }
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier) {
      const t = target(n.moduleSpecifier);
      if (t) {
        const req = need(t.m, t.abs);
        if (!n.exportClause || ts.isNamespaceExport(n.exportClause)) req.star = true;
        else for (const e of n.exportClause.elements) (n.isTypeOnly || e.isTypeOnly ? req.types : req.values).add((e.propertyName ?? e.name).text);
      }
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      const t = target(n.arguments[0]);
      if (t) need(t.m, t.abs).star = true;
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      const t = target(n.argument.literal);
      if (t) need(t.m, t.abs).star = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  let out = text;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  fs.writeFileSync(file, mergeImports(file, out));
  rewritten++;
}

/** Several import declarations of one barrel in a file become one `import type` and one `import`. */
function mergeImports(file, text) {
  const sf = parse(file, text);
  const groups = new Map();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || st.importClause.name) continue;
    const b = st.importClause.namedBindings;
    if (!b || !ts.isNamedImports(b)) continue;
    const spec = st.moduleSpecifier.text;
    if (!/(^|\/)index\.ts$/.test(spec)) continue;
    if (!groups.has(spec)) groups.set(spec, []);
    groups.get(spec).push(st);
  }
  const edits = [];
  for (const [spec, list] of groups) {
    if (list.length < 2) continue;
    const types = new Set();
    const values = new Set();
    for (const st of list)
      for (const e of st.importClause.namedBindings.elements) {
        const name = e.propertyName ? `${e.propertyName.text} as ${e.name.text}` : e.name.text;
        (st.importClause.isTypeOnly || e.isTypeOnly ? types : values).add(name);
      }
    for (const v of values) types.delete(v);
    const sorted = (s) => [...s].sort((a, b) => a.localeCompare(b)).join(', ');
    const lines = [];
    if (types.size) lines.push(`import type { ${sorted(types)} } from '${spec}';`);
    if (values.size) lines.push(`import { ${sorted(values)} } from '${spec}';`);
    edits.push([list[0].getStart(sf), list[0].getEnd(), lines.join('\n')]);
    for (const st of list.slice(1)) edits.push([st.getFullStart(), st.getEnd(), '']);
  }
  let out = text;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  return out;
}

/** The barrel: its own code (shared/import/index.ts has some) and one re-export line per file, sorted. */
for (const [m, byFile] of needs) {
  const barrel = barrelOf(m);
  const old = fs.existsSync(barrel) ? fs.readFileSync(barrel, 'utf8') : `/** The ${m} module's API: what code outside shared/${m} uses of it. Kept by test/tools/barrelsCodemod.mjs. */\n`;
  const sf = parse(barrel, old);
  const local = new Set();
  const keep = [];
  const drop = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && st.moduleSpecifier.text.startsWith('./')) {
      const abs = path.resolve(path.dirname(barrel), st.moduleSpecifier.text);
      const req = need(m, abs);
      if (!st.exportClause) req.star = true;
      else for (const e of st.exportClause.elements) (st.isTypeOnly || e.isTypeOnly ? req.types : req.values).add(e.name.text);
      if (!st.exportClause && st.isTypeOnly) req.typeStar = true;
      drop.push([st.getFullStart(), st.getEnd()]);
      continue;
    }
    keep.push(st);
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    if (mods?.some((x) => x.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) local.add(d.name.getText(sf));
      else if (st.name) local.add(st.name.text);
    }
  }
  const seen = new Set(local);
  const lines = [];
  for (const [abs, req] of [...byFile].filter(([abs]) => abs !== barrel).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = relSpec(barrel, abs);
    if (req.star && !req.typeStar) lines.push(`export * from '${spec}';`);
    else if (req.typeStar) lines.push(`export type * from '${spec}';`);
    const values = [...req.values].filter((n) => !seen.has(n)).sort();
    values.forEach((n) => seen.add(n));
    const types = [...req.types].filter((n) => !seen.has(n)).sort();
    types.forEach((n) => seen.add(n));
    if (values.length && (!req.star || req.typeStar)) lines.push(`export { ${values.join(', ')} } from '${spec}';`);
    if (types.length && !req.star && !req.typeStar) lines.push(`export type { ${types.join(', ')} } from '${spec}';`);
  }
  // Keep the leading comment and the barrel's own code; the re-exports follow, regenerated.
  let head = old;
  for (const [s, e] of drop.reverse()) head = head.slice(0, s) + head.slice(e);
  fs.writeFileSync(barrel, `${head.trimEnd()}\n\n${lines.join('\n')}\n`);
}
process.stdout.write(`${rewritten} files rewritten; barrels updated: ${[...needs.keys()].sort().join(', ')}\n`);
