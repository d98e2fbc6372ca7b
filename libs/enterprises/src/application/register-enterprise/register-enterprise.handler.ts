import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '@app/platform';
import { enterpriseDecider } from '../../domain/enterprise.decider';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { enterpriseCommandResult, type EnterpriseCommandResult } from '../enterprise-command-result';
import { RegisterEnterpriseCommand } from './register-enterprise.command';

@CommandHandler(RegisterEnterpriseCommand)
export class RegisterEnterpriseHandler implements ICommandHandler<RegisterEnterpriseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, context }: RegisterEnterpriseCommand): Promise<EnterpriseCommandResult> {
    const result = await this.runner.run(
      enterpriseStreamId(input.uscc),
      enterpriseDecider,
      { type: 'RegisterEnterprise', ...input, at: new Date().toISOString() },
      context,
    );
    return enterpriseCommandResult(input.uscc, result);
  }
}
