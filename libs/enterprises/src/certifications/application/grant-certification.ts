import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, type CommandContext } from '@app/platform';
import { EnterpriseNotFoundError } from '../../domain/enterprise.errors';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { certificationDecider } from '../domain/certification.decider';
import { certificationIdFor, certificationsStreamId } from '../domain/certification.state';
import { certificationCommandResult, type CertificationCommandResult } from './certification-command-result';
import type { AnnouncedGrant } from '../domain/announced-grant';

export interface GrantCertificationInput extends AnnouncedGrant {
  validTo?: string;
}

export class GrantCertificationCommand extends Command<CertificationCommandResult> {
  constructor(
    readonly input: GrantCertificationInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(GrantCertificationCommand)
export class GrantCertificationHandler implements ICommandHandler<GrantCertificationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ input, context }: GrantCertificationCommand): Promise<CertificationCommandResult> {
    // Checked against the log, not the directory read model: a firm registered a moment ago already counts.
    if ((await this.store.streamVersion(enterpriseStreamId(input.uscc))) === 0) throw new EnterpriseNotFoundError(input.uscc);
    const { uscc, type, ...grant } = input;
    const certificationId = certificationIdFor(uscc, type, grant.level, grant.batch);
    const result = await this.runner.run(
      certificationsStreamId(uscc),
      certificationDecider,
      { type: 'GrantCertification', uscc, certificationId, certificationType: type, ...grant },
      context,
    );
    return certificationCommandResult(uscc, certificationId, result);
  }
}
