import { Injectable, Logger, UnprocessableEntityException } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { EnterpriseRow, readEnterpriseNames } from '@app/enterprises';
import { AppConfig } from '@app/platform';
import {
  countExportedProblems,
  HandlingUnitDirectory,
  PROBLEM_EXPORT_COLUMNS,
  problemExportPages,
  problemExportRow,
  ProblemWarnings,
  type ProblemFilter,
} from '@app/support';
import { attachment } from './content-disposition';
import { EXPORT_CONTENT_TYPES, exportSink, type ExportFormat } from './export-sink';

/** Rows read per statement: small enough to keep memory flat, large enough that the round trips do not dominate. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Streams the problems of a filter to the response as XLSX or CSV, one row per problem. Everything is read in one
 * READ ONLY, REPEATABLE READ transaction, so the file is one consistent cut even while steps are being recorded.
 * Reference data that no row changes (unit names, the working calendar) is read once before it opens.
 */
@Injectable()
export class ProblemExporter {
  private readonly logger = new Logger(ProblemExporter.name);

  constructor(
    private readonly db: DataSource,
    private readonly units: HandlingUnitDirectory,
    private readonly warnings: ProblemWarnings,
    private readonly config: AppConfig,
  ) {}

  async export(filter: ProblemFilter, format: ExportFormat, res: Response, fileName: { ascii: string; chinese: string }): Promise<void> {
    const unitNames = await this.units.allNames();
    const warningOf = await this.warnings.colourOn(filter.today);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await this.refuseTooLarge(runner.manager, filter);
      res.status(200);
      res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
      res.setHeader('Content-Disposition', attachment(`${fileName.ascii}.${format}`, `${fileName.chinese}.${format}`));
      res.setHeader('Cache-Control', 'no-store');
      const sink = exportSink(format, res, '诉求', PROBLEM_EXPORT_COLUMNS.map((c) => c.header));
      try {
        for await (const page of problemExportPages(runner.manager, filter, EXPORT_PAGE_SIZE)) {
          const names = await readEnterpriseNames(runner.manager.getRepository(EnterpriseRow), page.problems.map((p) => p.enterpriseUscc));
          for (const problem of page.problems) {
            const row = problemExportRow({
              problem,
              facts: page.facts.get(problem.problemId) ?? [],
              enterpriseName: names.get(problem.enterpriseUscc) ?? null,
              unitName: (id) => unitNames.get(id) ?? id,
              warning: warningOf(problem),
            });
            await sink.row(PROBLEM_EXPORT_COLUMNS.map((c) => row[c.key]));
          }
        }
        await sink.end();
      } catch (error) {
        // The status line is gone: a cut connection is the only honest way to tell the client the file is incomplete.
        this.logger.error(`Problem export failed after it started: ${(error as Error).message}`);
        res.destroy(error as Error);
      }
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** The most problems one file may hold (EXPORT_MAX_ROWS). */
  get maxRows(): number {
    return this.config.exports.maxRows;
  }

  private async refuseTooLarge(manager: EntityManager, filter: ProblemFilter): Promise<void> {
    this.refuseOver(await countExportedProblems(manager, filter));
  }

  /** 422 EXPORT_TOO_MANY_ROWS when a file would hold more than maxRows problems — before anything is written. */
  refuseOver(rows: number): void {
    const { maxRows } = this;
    if (rows > maxRows) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'EXPORT_TOO_MANY_ROWS',
        message: `This export would hold ${rows} problems, more than the ${maxRows} allowed (EXPORT_MAX_ROWS): narrow the filters (dates, unit, status) and export in parts`,
        rows,
        maxRows,
      });
    }
  }
}
