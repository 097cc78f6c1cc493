/** Every benchmark suite, in the order `npm run bench` runs them. Add a suite here. */
import type { Suite } from '../lib/measure.ts';
import { canvasSuite } from './canvas.ts';
import { decideSuite } from './decide.ts';
import { engineSuite } from './engine.ts';
import { findingsSuite } from './findings.ts';
import { importSuite } from './import.ts';
import { reportSuite } from './report.ts';
import { librarySuite } from './library.ts';
import { scenariosSuite } from './scenarios.ts';
import { presentSuite } from './present.ts';

export const SUITES: readonly Suite[] = [engineSuite, findingsSuite, canvasSuite, librarySuite, reportSuite, scenariosSuite, decideSuite, importSuite, presentSuite];
