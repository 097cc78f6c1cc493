import { describe, expect, it } from 'vitest';
import type { Command } from '../../../cli/command.ts';
import { COMMANDS } from '../../../cli/commands/index.ts';
import { cli, editedFile, SMALL } from './harness.ts';

describe('faultline (top level)', () => {
  it('prints the commands for --help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['simulate', 'lint', 'rank', 'check']) expect(r.stdout).toContain(`  ${name} `);
    expect(r.stdout).toContain('Exit status: 0 done, 1 a check failed, 2 bad input');
  });

  it('lists the report command in the help', async () => {
    expect((await cli(['--help'])).stdout).toContain('report');
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: faultline <command>');
  });

  it.each(COMMANDS.map((c) => c.name))('prints help for %s with --help, -h and help <command>', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name]]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      // `import` reads other tools' files, not a model: its first argument is the kind of files.
      expect(r.stdout).toContain(`Usage: faultline ${name} ${name === 'import' ? 'KIND PATH' : 'FILE'}`);
    }
  });

  it('refuses an unknown command in one line', async () => {
    const r = await cli(['explode', SMALL]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^faultline: unknown command "explode"; commands are simulate, lint, rank, check, report, import, export \(see faultline --help\)\n$/);
  });

  it('refuses an unknown option in one line pointing at the help', async () => {
    const r = await cli(['lint', SMALL, '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: lint: unknown option --colour (see faultline lint --help)\n');
  });

  it('refuses an option without its value', async () => {
    const r = await cli(['simulate', SMALL, '--scenario']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: simulate: --scenario needs a value (see faultline simulate --help)\n');
  });

  it('refuses a missing FILE and a second FILE', async () => {
    expect((await cli(['lint'])).stderr).toBe('faultline: lint: missing FILE (see faultline lint --help)\n');
    expect((await cli(['lint', SMALL, SMALL])).code).toBe(2);
  });

  it('names a file that does not exist', async () => {
    const r = await cli(['lint', 'models/none.faultline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: models/none.faultline.json: no such file\n');
  });

  it('names the file and the JSON path of a bad model', async () => {
    const bad = editedFile(SMALL, (m) => {
      (m.edges as { target: string }[])[3].target = 'db-1';
    });
    const r = await cli(['check', 'models/x.faultline.json'], { 'models/x.faultline.json': bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: models/x.faultline.json: model.edges[3].target: no node "db-1"\n');
  });

  it('names a file that is not JSON', async () => {
    const r = await cli(['lint', 'x.json'], { 'x.json': '{ nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: x.json: not valid JSON at line 1, column 3: expected a key in double quotes, found "n"\n');
  });

  it('turns a crash into one line, never a stack trace', async () => {
    const crashing: Command = {
      name: 'boom',
      summary: '',
      help: '',
      run: async () => {
        throw new Error('kaput\n    at somewhere (file.ts:1:1)');
      },
    };
    const r = await cli(['boom'], {}, [crashing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: internal error: kaput\n');
  });
});
