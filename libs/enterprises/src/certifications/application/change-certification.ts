import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '@app/platform';
import type { RenewCertification, RevokeCertification } from '../domain/certification.commands';
import { certificationDecider } from '../domain/certification.decider';
import { certificationsStreamId } from '../domain/certification.state';
import { certificationCommandResult, type CertificationCommandResult } from './certification-command-result';

/** 复核 or revocation of one recorded certification of an enterprise. */
export class ChangeCertificationCommand extends Command<CertificationCommandResult> {
  constructor(
    readonly uscc: string,
    readonly change: RenewCertification | RevokeCertification,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeCertificationCommand)
export class ChangeCertificationHandler implements ICommandHandler<ChangeCertificationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ uscc, change, context }: ChangeCertificationCommand): Promise<CertificationCommandResult> {
    const result = await this.runner.run(certificationsStreamId(uscc), certificationDecider, change, context);
    return certificationCommandResult(uscc, change.certificationId, result);
  }
}
