/**
 * Routing (pure): which models to try for a task, cheapest adequate first, as an ordered fallback
 * chain. No I/O: availability comes in as a predicate, so every decision is table-testable.
 */
import { costUsd } from './cost.js';
import { AiConfigError } from './errors.js';
import { tierRank, type ModelSpec, type Tier } from './models.js';

/** `auto` follows the task's own tier; `economy`/`premium` set the floor for every task; else a model id. */
export type Preference = 'auto' | 'economy' | 'premium' | (string & {});

export interface RouteRequest {
  /** The lowest tier that does this task well enough (used by `auto`). */
  minTier: Tier;
  estimatedInputTokens: number;
  maxOutputTokens: number;
  preference: Preference;
}

export interface Route {
  /** Models to try in order; empty when none is configured, available and big enough. */
  chain: ModelSpec[];
  /** Why the user's preference could not be followed, for the report's notes. */
  notes: string[];
}

/** Validates a user's stored or submitted preference against the table in force. */
export function parsePreference(value: string, models: readonly ModelSpec[]): Preference {
  if (value === 'auto' || value === 'economy' || value === 'premium') return value;
  if (models.some((m) => m.id === value)) return value;
  throw new AiConfigError('ai_unknown_model', `unknown AI model preference "${value}"`);
}

const floorFor = (req: RouteRequest): Tier =>
  req.preference === 'economy' ? 'economy' : req.preference === 'premium' ? 'premium' : req.minTier;

/** The whole call (prompt + answer) must fit the context window, or the API rejects it. */
const fits = (m: ModelSpec, req: RouteRequest): boolean =>
  req.estimatedInputTokens + req.maxOutputTokens <= m.contextWindow;

/**
 * Cheapest first by the estimated cost of THIS call (input and output prices weigh differently per
 * model, so list order by one price alone would be wrong); a tie goes to the higher tier, then id.
 */
function byCallCost(req: RouteRequest): (a: ModelSpec, b: ModelSpec) => number {
  const cost = (m: ModelSpec): number =>
    costUsd(m, { inputTokens: req.estimatedInputTokens, outputTokens: req.maxOutputTokens });
  return (a, b) => cost(a) - cost(b) || tierRank(b.tier) - tierRank(a.tier) || a.id.localeCompare(b.id);
}

export function routeTask(
  req: RouteRequest,
  models: readonly ModelSpec[],
  isAvailable: (model: ModelSpec) => boolean,
): Route {
  const notes: string[] = [];
  const usable = models.filter((m) => isAvailable(m) && fits(m, req));
  const pinnedId = ['auto', 'economy', 'premium'].includes(req.preference) ? undefined : req.preference;
  const floor = pinnedId === undefined ? floorFor(req) : req.minTier;
  const ranked = usable.filter((m) => tierRank(m.tier) >= tierRank(floor)).sort(byCallCost(req));
  if (pinnedId === undefined) return { chain: ranked, notes };

  const pinned = models.find((m) => m.id === pinnedId);
  if (!pinned) notes.push(`preferred model "${pinnedId}" is not configured; chose automatically`);
  else if (!isAvailable(pinned)) notes.push(`preferred model "${pinnedId}" has no provider configured; chose automatically`);
  else if (!fits(pinned, req)) notes.push(`preferred model "${pinnedId}" cannot take this much text; chose automatically`);
  else return { chain: [pinned, ...ranked.filter((m) => m.id !== pinned.id)], notes };
  return { chain: ranked, notes };
}
