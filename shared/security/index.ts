/** The security module's API: what code outside shared/security uses of it. Kept by test/tools/barrelsCodemod.mjs. */

export { contentSecurityPolicy } from './csp.ts';
