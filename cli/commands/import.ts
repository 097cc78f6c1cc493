/**
 * `faultline import KIND PATH... --out FILE`: a new model from GitHub Actions workflows, Kubernetes manifests,
 * compose files, a Threat Dragon model or an OTM file. A folder stands for the files in it the importer reads.
 * Warnings and findings go to standard error; a file that cannot be read is bad input (exit 2), naming the
 * file and line, and nothing is written.
 */
import type { ImportKind, SourceFile } from '../../shared/import/index.ts';
import { IMPORT_KINDS, IMPORTERS, importFiles, modelFromImport, takesFile, where } from '../../shared/import/index.ts';
import { decodeFileBytes, serializeModel } from '../../shared/file/index.ts';
import { HELP_OPTION, parse } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { describeFsError } from '../io.ts';
import { emit } from '../output.ts';

const help = `Usage: faultline import KIND PATH... [--out FILE] [--name NAME]

A new model from what already exists. KIND is one of:
${IMPORT_KINDS.map((k) => `  ${k.padEnd(15)} ${IMPORTERS[k].reads}`).join('\n')}

PATH is a file or a folder (for a folder, every file in it that KIND reads, sub-folders included).
Nodes keep where they came from in props.source (file and line). Warnings (what was guessed or left out)
and findings (risky triggers, secrets in logs) are printed on standard error.

Options:
  --out FILE     where to write the .faultline.json model (default: standard output)
  --name NAME    the model's name (default: from the kind and the files)
  -h, --help     this help

Examples:
  faultline import github-actions .github/workflows --out ci.faultline.json
  faultline import kubernetes k8s/ --out cluster.faultline.json
  faultline import otm model.otm --out model.faultline.json
`;

function pickKind(value: string | undefined): ImportKind {
  if (value === undefined) throw new CliError('import: missing KIND (see faultline import --help)');
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) {
    throw new CliError(`import: unknown kind "${value}"; kinds are ${IMPORT_KINDS.join(', ')}`);
  }
  return value as ImportKind;
}

/** Reads the paths, expanding folders to the files the importer takes. */
async function readSources(io: Io, kind: ImportKind, paths: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    const listed = (await io.listFiles?.(path)) ?? null;
    const names = listed === null ? [path] : listed.filter((f) => takesFile(kind, f));
    if (listed !== null && names.length === 0) {
      throw new CliError(`${path}: no ${IMPORTERS[kind].extensions.join(' or ')} files in this folder`);
    }
    for (const name of names) {
      let bytes: Uint8Array;
      try {
        bytes = await io.readBytes(name);
      } catch (e) {
        throw new CliError(`${name}: ${describeFsError(e)}`);
      }
      const text = decodeFileBytes(bytes);
      if (!text.ok) throw new CliError(`${name}: ${text.error.message}`);
      files.push({ name, text: text.value });
    }
  }
  return files;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'a model from GitHub Actions, Kubernetes, docker-compose, Threat Dragon or OTM files',
  help,
  async run(args, io) {
    const { values, positionals } = parse('import', args, { ...HELP_OPTION, out: { type: 'string' }, name: { type: 'string' } });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    const [kindArg, ...paths] = positionals;
    const kind = pickKind(kindArg);
    if (paths.length === 0) throw new CliError(`import: missing PATH (a file or a folder of ${IMPORTERS[kind].label} files)`);
    const result = importFiles(kind, await readSources(io, kind, paths));
    if (!result.ok) throw new CliError(`${where(result.error)}: ${result.error.message}; nothing was written`);
    const outcome = result.value;
    const model = modelFromImport(outcome, values.name ?? outcome.project?.name ?? `${IMPORTERS[kind].label} import`);
    for (const w of outcome.warnings) io.stderr(`warning: ${where(w)}: ${w.message}\n`);
    for (const f of outcome.findings) io.stderr(`finding (${f.severity}): ${where(f)}: ${f.title}. ${f.message}\n`);
    io.stderr(
      `imported ${outcome.files} file${outcome.files === 1 ? '' : 's'}: ${model.nodes.length} nodes, ${model.edges.length} edges, ` +
        `${model.boundaries.length} boundaries, ${outcome.graph.notes.length} notes; ${outcome.warnings.length} warnings, ${outcome.findings.length} findings\n`,
    );
    await emit(io, serializeModel(model), values.out);
    return EXIT.ok;
  },
};
