export * from './command-runner';
export * from './ids';
