// state conformance, run against every selected adapter row (see adapters.ts).
import { conformanceRows } from './adapters.js';
import { stateSuite } from './state.suite.js';

for (const row of conformanceRows()) {
  stateSuite(row);
}
