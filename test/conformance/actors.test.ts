// actors conformance, run against every selected adapter row (see adapters.ts).
import { conformanceRows } from './adapters.js';
import { actorsSuite } from './actors.suite.js';

for (const row of conformanceRows()) {
  actorsSuite(row);
}
