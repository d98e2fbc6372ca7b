import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError, EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, type CommandContext } from '@app/platform';
import { RegisterEnterpriseCommand } from '../../application/register-enterprise/register-enterprise.command';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { certificationDecider } from '../domain/certification.decider';
import { certificationsStreamId } from '../domain/certification.state';
import { CertificationImportRow } from './certification-import.row';
import type { PreviewRow } from './preview-rows';

export class ImportNotFoundError extends DomainError {
  readonly code = 'IMPORT_NOT_FOUND';
  override readonly kind = 'not_found' as const;
  constructor(importId: string) {
    super(`No import ${importId}: upload the file again`, { importId });
  }
}

export interface ImportCommitResult {
  importId: string;
  /** Grants appended now; re-importing the same list gives 0. */
  appended: number;
  /** Rows whose grant was already recorded. */
  unchanged: number;
  registered: number;
  skipped: { row: number; status: PreviewRow['status'] }[];
  refused: { row: number; code: string; message: string }[];
  position: number | null;
}

/** Unknown enterprises are registered with the name from the list; the rest is not on the list. */
const UNKNOWN = '未知';

/**
 * Appends the grants of the preview's ok rows, one enterprise stream at a time. Each grant is idempotent
 * (its id comes from uscc + type + level + batch), so a commit interrupted half-way is finished by
 * committing again, and committing twice appends nothing.
 */
export class CommitCertificationImportCommand extends Command<ImportCommitResult> {
  constructor(
    readonly importId: string,
    readonly registerUnknown: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CommitCertificationImportCommand)
export class CommitCertificationImportHandler implements ICommandHandler<CommitCertificationImportCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectRepository(CertificationImportRow) private readonly imports: Repository<CertificationImportRow>,
  ) {}

  async execute({ importId, registerUnknown, context }: CommitCertificationImportCommand): Promise<ImportCommitResult> {
    const upload = await this.imports.findOneBy({ importId });
    if (!upload) throw new ImportNotFoundError(importId);
    const result: ImportCommitResult = { importId, appended: 0, unchanged: 0, registered: 0, skipped: [], refused: [], position: null };
    // One request touches many streams: give each append its own key so a retry replays each, not the first.
    const keyed = (suffix: string) => ({ ...context, idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:${suffix}` });
    for (const row of upload.rows) {
      const candidate = row.status === 'ok' || (row.status === 'unknown_enterprise' && registerUnknown);
      if (!candidate || row.certificationId === null) {
        result.skipped.push({ row: row.row, status: row.status });
        continue;
      }
      try {
        if ((await this.store.streamVersion(enterpriseStreamId(row.uscc))) === 0) {
          if (!registerUnknown) {
            result.skipped.push({ row: row.row, status: 'unknown_enterprise' });
            continue;
          }
          const { address, park, industry } = { address: UNKNOWN, park: UNKNOWN, industry: UNKNOWN };
          const registered = await this.commands.execute(
            new RegisterEnterpriseCommand({ uscc: row.uscc, name: row.name, address, park, industry }, keyed(`register-${row.uscc}`)),
          );
          result.registered++;
          result.position = registered.position ?? result.position;
        }
        const granted = await this.runner.run(
          certificationsStreamId(row.uscc),
          certificationDecider,
          {
            type: 'GrantCertification',
            uscc: row.uscc,
            certificationId: row.certificationId,
            certificationType: row.type,
            level: row.level,
            batch: row.batch,
            documentNumber: row.documentNumber,
            announcedOn: row.announcedOn,
            validFrom: row.validFrom,
            validTo: row.validTo,
          },
          keyed(row.certificationId),
        );
        if (granted.events.length > 0) result.appended++;
        else result.unchanged++;
        result.position = granted.append?.lastGlobalPosition ?? result.position;
      } catch (error) {
        // A row the enterprise's history refuses (e.g. an overlapping window) is reported; the others go on.
        if (!(error instanceof DomainError)) throw error;
        result.refused.push({ row: row.row, code: error.code, message: error.message });
      }
    }
    await this.imports.update({ importId }, { committedAt: new Date(), committedBy: context.actor.id });
    return result;
  }
}
