import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { AppConfig, type CommandContext } from '@app/platform';
import { isUscc } from '../../domain/uscc';
import { enterpriseStreamId } from '../../domain/enterprise.state';
import { CertificationImportRow } from './certification-import.row';
import { previewRows, type PreviewRow } from './preview-rows';
import { readSheet } from './read-sheet';
import { rawRows } from './sheet-columns';

/** The preview answers this many rows; the rest is paged (GetImportRowsQuery). A whole list is megabytes of JSON. */
export const PREVIEW_FIRST_ROWS = 50;

export interface ImportPreview {
  importId: string;
  contentHash: string;
  format: 'csv' | 'xlsx';
  summary: Record<PreviewRow['status'], number>;
  /** Data rows in the file (all of them are checked and stored; `rows` holds the first PREVIEW_FIRST_ROWS). */
  totalRows: number;
  rows: PreviewRow[];
}

/** Reads and checks an uploaded list and stores the preview. Appends nothing; a malformed file throws MalformedSheetError. */
export class PreviewCertificationImportCommand extends Command<ImportPreview> {
  constructor(
    readonly fileName: string,
    readonly content: Buffer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PreviewCertificationImportCommand)
export class PreviewCertificationImportHandler implements ICommandHandler<PreviewCertificationImportCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectRepository(CertificationImportRow) private readonly imports: Repository<CertificationImportRow>,
    private readonly config: AppConfig,
  ) {}

  async execute({ fileName, content, context }: PreviewCertificationImportCommand): Promise<ImportPreview> {
    const sheet = await readSheet(content, fileName, this.config.imports);
    const raw = rawRows(sheet);
    const usccs = [...new Set(raw.map((r) => r.uscc.trim().toUpperCase()).filter(isUscc))];
    const registered = new Set<string>();
    // The log, not the directory: a firm registered a moment ago is known.
    for (const uscc of usccs) if ((await this.store.streamVersion(enterpriseStreamId(uscc))) > 0) registered.add(uscc);
    const rows = previewRows(raw, registered);
    const importId = randomUUID();
    const contentHash = createHash('sha256').update(content).digest('hex');
    await this.imports.insert({
      importId,
      contentHash,
      fileName,
      uploadedBy: context.actor.id,
      uploadedAt: new Date(),
      rows,
      committedAt: null,
      committedBy: null,
    });
    const summary = { ok: 0, error: 0, duplicate: 0, overlap: 0, unknown_enterprise: 0 };
    for (const r of rows) summary[r.status]++;
    return { importId, contentHash, format: sheet.format, summary, totalRows: rows.length, rows: rows.slice(0, PREVIEW_FIRST_ROWS) };
  }
}
