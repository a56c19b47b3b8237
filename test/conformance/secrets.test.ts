// secrets conformance, run against every selected adapter row (see adapters.ts).
import { conformanceRows } from './adapters.js';
import { secretsSuite } from './secrets.suite.js';

for (const row of conformanceRows()) {
  secretsSuite(row);
}
