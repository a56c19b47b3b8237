/** Moved to the API contract (services/contract): kept so server imports stay short and stable. */
export * from '../contract/report.js';
