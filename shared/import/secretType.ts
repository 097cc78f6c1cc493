/** A secret's type guessed from its name, for every importer. */
import type { SecretType } from '../domain/index.ts';

/** What kind of credential a secret's name suggests; an API key when nothing does. */
export function secretTypeFromName(name: string): SecretType {
  const n = name.toUpperCase();
  if (/SSH|DEPLOY_KEY|PRIVATE_KEY/.test(n)) return 'ssh-key';
  if (/SIGN|GPG|PGP|COSIGN/.test(n)) return 'signing-key';
  if (/CERT|P12|PFX|KEYSTORE/.test(n)) return 'certificate';
  if (/PASSWORD|PASSWD|PASS\b|PWD/.test(n)) return 'password';
  if (/CLIENT_SECRET|CREDENTIALS/.test(n)) return 'oauth-client-secret';
  if (/TOKEN|PAT\b|JWT/.test(n)) return 'token';
  return 'api-key';
}
