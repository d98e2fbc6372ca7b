// The handling-unit registry's public surface. Import from here (or '@app/support'), never from its files.
export * from './handling-units.module';
export * from './domain/handling-unit.events';
export * from './domain/handling-unit.commands';
export * from './domain/handling-unit.decider';
export * from './domain/handling-unit.errors';
export * from './domain/handling-unit.rules';
export * from './domain/handling-unit.state';
export * from './application/execute-handling-unit-command';
export * from './application/handling-unit-lookup';
export * from './read-model/handling-unit.row';
export * from './read-model/handling-units.projection';
export * from './read-model/handling-units.query';
