// Unit performance (考评): pure definitions in domain/, read-model queries in application/.
// Other contexts (warnings, exports, the monthly summary) import from here; keep these names stable.
export * from './domain/problem-course';
export * from './domain/unit-figures';
export * from './domain/unit-ranking';
export * from './domain/safe-working-days';
export * from './domain/warning-colour';
export * from './application/load-problem-courses';
export * from './application/unit-performance.query';
export * from './application/unit-figure-records.query';
