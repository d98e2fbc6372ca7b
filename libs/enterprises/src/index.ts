// The enterprise registry's public surface. Import from '@app/enterprises', never from its files.
export * from './domain/uscc';
export * from './domain/enterprise.events';
export * from './domain/enterprise.commands';
export * from './domain/enterprise.state';
export * from './domain/enterprise.errors';
export * from './domain/enterprise.decider';
export * from './validation/is-uscc';
export * from './application/enterprise-command-result';
export * from './application/register-enterprise/register-enterprise.command';
export * from './application/rename-enterprise/rename-enterprise.command';
export * from './application/relocate-enterprise/relocate-enterprise.command';
export * from './read-models/enterprise-directory/enterprise-directory.row';
export * from './read-models/enterprise-directory/enterprise-directory.projection';
export * from './read-models/enterprise-directory/get-enterprise.query';
export * from './read-models/enterprise-directory/list-enterprises.query';
export * from './enterprises.module';
