import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/platform';
import type { EnterpriseCommandResult } from '../enterprise-command-result';

export interface RegisterEnterpriseInput {
  uscc: string;
  name: string;
  address: string;
  park: string;
  industry: string;
}

export class RegisterEnterpriseCommand extends Command<EnterpriseCommandResult> {
  constructor(
    readonly input: RegisterEnterpriseInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
