/** Secrets from environment variables: the embedded stand-in for Key Vault. */
import { NotConfiguredError } from '../ports/errors.js';
import type { SecretStore } from '../ports/secrets.js';

export class EnvSecretStore implements SecretStore {
  constructor(
    private readonly name: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}
  async get(store: string, key: string): Promise<string | undefined> {
    if (store !== this.name) throw new NotConfiguredError(`secret store "${store}"`);
    return this.env[key];
  }
}
