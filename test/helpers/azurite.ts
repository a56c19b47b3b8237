export * from '../../scripts/lib/azurite.js';
