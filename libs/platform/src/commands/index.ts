export * from './command-runner';
export * from './ids';
export * from './command-group-runner';
