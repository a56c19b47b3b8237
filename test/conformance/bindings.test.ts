// bindings conformance, run against every selected adapter row (see adapters.ts).
import { conformanceRows } from './adapters.js';
import { bindingsSuite } from './bindings.suite.js';

for (const row of conformanceRows()) {
  bindingsSuite(row);
}
