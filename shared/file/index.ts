

export { decodeFileBytes, firstInvalidUtf8 } from './decode.ts';
export { MAX_NESTING, checkNesting, tooDeepPrefix } from './depth.ts';
export { formatPath } from './errors.ts';
export { findJsonSyntaxProblem } from './jsonSyntax.ts';
export type { JsonSyntaxProblem } from './jsonSyntax.ts';
export type { LoadError, LoadErrorCode } from './errors.ts';
export { FILE_EXTENSION, parseModelBytes, parseModelFile, parseModelJson, serializeModel, serializeModelInSlices } from './loader.ts';
export { CURRENT_VERSION } from './migrations.ts';
export { parseModelBytesWithoutBadScenarios } from './salvage.ts';
export type { LeftOutScenario } from './salvage.ts';
