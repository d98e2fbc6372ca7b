// Pure date helpers (no Nest, no TypeORM): safe to import from domain code as '@app/platform/time'.
export * from './business-date';
