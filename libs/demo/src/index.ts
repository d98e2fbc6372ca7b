// The demo zone's public surface: the plan generator, the loader and its module.
export * from './plan/plan.types';
export * from './plan/demo-plan';
export * from './plan/builder';
export * from './plan/zone';
export * from './marker/demo-zone.events';
export * from './marker/demo-zone.decider';
export * from './loader/demo-loader';
export * from './demo.module';
