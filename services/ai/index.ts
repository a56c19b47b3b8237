/** The AI enrichment module's public surface: what the analysis worker and the CLI import. */
export { enrichContent, NO_PROVIDER_NOTE, TOTAL_FAILURE_NOTE, type EnrichInput, type EnrichOptions, type EnrichResult } from './enrich.js';
export { createAiProviders } from './providers/from-env.js';
export type { AiProviders, ChatProvider } from './providers/provider.js';
export { MemoryAiCache, StateStoreAiCache, type AiCache } from './cache.js';
export { parsePreference, routeTask, type Preference } from './routing.js';
export { DEFAULT_MODELS, loadModelTable, type ModelSpec } from './models.js';
export { AiAbortedError, AiConfigError, AiProviderError } from './errors.js';
