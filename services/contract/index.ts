/**
 * The API contract: every type and zod schema that crosses the wire (REST bodies, the report, socket
 * events), the one place both the server and web/ import. Leaf modules: they import only zod and each
 * other, plus the contract files that live beside their owners (job.contract.ts, live.contract.ts,
 * events.ts).
 * test/unit/contract/ checks these against the OpenAPI document and that web/ imports nothing else.
 */
export * from './interview.js';
export * from './report.js';
export * from './metric-card.js';
export * from './readiness.js';
export * from './content.js';
export * from './speakers.js';
export * from './ai-usage.js';
export * from './upload.js';
export * from './limits.js';
export * from '../analysis/job/job.contract.js';
export * from '../api/live.contract.js';
export type { ProgressEvent, ServerToClientEvents, ClientToServerEvents } from '../api/events.js';
