/** Secrets port (Dapr secrets API): env variables locally, Key Vault in AKS. */
export interface SecretStore {
  /** The secret's value, or undefined when the store has no such key. */
  get(store: string, key: string): Promise<string | undefined>;
}
