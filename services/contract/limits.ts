/**
 * The contract's size limits as plain numbers: no imports, so the web app can use them without
 * pulling zod into its bundle. The zod schemas (job.contract.ts, live.contract.ts) build on these.
 */

/** Longer pastes answer 413 `job_description_too_large` (real postings are 2,000–8,000 characters). */
export const JOB_DESCRIPTION_MAX_CHARS = 20_000;

/** One `live.chunk` (a MediaRecorder slice of 250–1000 ms of Opus is 2–16 kB); generous, but bounded. */
export const LIVE_MAX_CHUNK_BYTES = 256 * 1024;
