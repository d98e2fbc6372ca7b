import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ImportNotFoundError } from './commit-import';
import { CertificationImportRow } from './certification-import.row';
import type { PreviewRow, PreviewStatus } from './preview-rows';

export interface ImportRowsPage {
  items: PreviewRow[];
  total: number;
}

/** A page of a stored preview's rows, optionally of one status (the error rows a clerk has to fix). */
export class GetImportRowsQuery extends Query<ImportRowsPage> {
  constructor(
    readonly importId: string,
    readonly page: { offset: number; limit: number; status?: PreviewStatus },
  ) {
    super();
  }
}

@QueryHandler(GetImportRowsQuery)
export class GetImportRowsHandler implements IQueryHandler<GetImportRowsQuery> {
  constructor(@InjectRepository(CertificationImportRow) private readonly imports: Repository<CertificationImportRow>) {}

  // The rows are one jsonb value, bounded by IMPORT_MAX_ROWS: slicing it here is simpler than SQL over jsonb.
  async execute({ importId, page }: GetImportRowsQuery): Promise<ImportRowsPage> {
    const upload = await this.imports.findOne({ where: { importId }, select: { importId: true, rows: true } });
    if (!upload) throw new ImportNotFoundError(importId);
    const matching = page.status ? upload.rows.filter((r) => r.status === page.status) : upload.rows;
    return { items: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
  }
}
