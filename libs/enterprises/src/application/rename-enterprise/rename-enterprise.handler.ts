import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/platform';
import { enterpriseDecider } from '../../domain/enterprise.decider';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { enterpriseCommandResult, type EnterpriseCommandResult } from '../enterprise-command-result';
import { RenameEnterpriseCommand } from './rename-enterprise.command';

@CommandHandler(RenameEnterpriseCommand)
export class RenameEnterpriseHandler implements ICommandHandler<RenameEnterpriseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, context, expectedVersion }: RenameEnterpriseCommand): Promise<EnterpriseCommandResult> {
    const result = await this.runner.run(
      enterpriseStreamId(input.uscc),
      enterpriseDecider,
      { type: 'RenameEnterprise', ...input, at: new Date().toISOString() },
      context,
      { expectedVersion },
    );
    return enterpriseCommandResult(input.uscc, result);
  }
}
