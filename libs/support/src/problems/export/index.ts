export * from './problem-export-row';
export * from './problem-export-pages';
