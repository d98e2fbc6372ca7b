import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/platform';
import { enterpriseDecider } from '../../domain/enterprise.decider';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { enterpriseCommandResult, type EnterpriseCommandResult } from '../enterprise-command-result';
import { RelocateEnterpriseCommand } from './relocate-enterprise.command';

@CommandHandler(RelocateEnterpriseCommand)
export class RelocateEnterpriseHandler implements ICommandHandler<RelocateEnterpriseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, context, expectedVersion }: RelocateEnterpriseCommand): Promise<EnterpriseCommandResult> {
    const result = await this.runner.run(
      enterpriseStreamId(input.uscc),
      enterpriseDecider,
      { type: 'RelocateEnterprise', ...input, at: new Date().toISOString() },
      context,
      { expectedVersion },
    );
    return enterpriseCommandResult(input.uscc, result);
  }
}
