export * from '../../scripts/lib/child-service.js';
