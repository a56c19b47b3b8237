// pubsub conformance, run against every selected adapter row (see adapters.ts).
import { conformanceRows } from './adapters.js';
import { pubsubSuite } from './pubsub.suite.js';
import { pubsubDurabilitySuite } from './pubsub-durability.suite.js';

for (const row of conformanceRows()) {
  pubsubSuite(row);
  pubsubDurabilitySuite(row);
}
