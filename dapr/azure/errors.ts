/** Errors only the Cosmos state adapter raises (the shared ones live in ports/errors.ts). */
import { DaprPortError } from '../ports/errors.js';

/**
 * A transaction touched keys in more than one Cosmos logical partition. Cosmos transactional
 * batches are atomic only inside one partition key, so the adapter refuses instead of pretending.
 */
export class CrossPartitionTransactionError extends DaprPortError {
  constructor(readonly partitionKeys: readonly string[]) {
    super('transaction_cross_partition', `a transaction spans ${partitionKeys.length} Cosmos partitions (${partitionKeys.slice(0, 3).join(', ')}…); keep its keys in one partition`);
  }
}

/** Cosmos transactional batches hold at most 100 operations. */
export class TransactionTooLargeError extends DaprPortError {
  constructor(readonly operations: number, readonly limit: number) {
    super('transaction_too_large', `a transaction of ${operations} operations exceeds the Cosmos batch limit of ${limit}`);
  }
}
