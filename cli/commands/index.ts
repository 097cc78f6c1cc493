/**
 * The commands, in help order. Adding one (the PDF `report` is next) is a file in this folder and a line here.
 */
import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { lintCommand } from './lint.ts';
import { rankCommand } from './rank.ts';
import { reportCommand } from './report.ts';
import { simulateCommand } from './simulate.ts';

export const COMMANDS: readonly Command[] = [simulateCommand, lintCommand, rankCommand, checkCommand, reportCommand, importCommand, exportCommand];
