import {
  BadRequestException,
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { IsNull, LessThan, Repository } from 'typeorm';
import type { AuthUser } from '@app/platform';
import { HttpIdempotencyRow } from './http-idempotency.entity';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,200}$/;
/** A claim older than this with no response is a request that died mid-way; a retry may take it over. */
const ABANDONED_AFTER_MS = 60_000;

interface IdempotentRequest {
  method: string;
  originalUrl: string;
  body: unknown;
  headers: Record<string, string | undefined>;
  user?: AuthUser;
  idempotencyKey?: string;
}

/**
 * Every POST accepts an Idempotency-Key. The first request claims the key and its response is kept;
 * a retry gets that response again (header Idempotent-Replayed: true) and runs nothing. A failed request
 * releases its key (it appended nothing, so running it again is safe). The key also travels down to the
 * event store, so a request that died after appending but before answering appends nothing on retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectRepository(HttpIdempotencyRow) private readonly keys: Repository<HttpIdempotencyRow>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<IdempotentRequest>();
    const given = req.headers[HEADER];
    if (req.method !== 'POST' || given === undefined) return next.handle();
    if (!KEY_FORMAT.test(given)) {
      throw new BadRequestException({
        message: 'Idempotency-Key must be 1-200 characters of letters, digits and _.:-',
        errors: [{ field: 'Idempotency-Key', messages: ['invalid format'] }],
      });
    }
    const key = `${req.user?.id ?? 'anonymous'}:${given}`;
    const fingerprint = createHash('sha256').update(`${req.method} ${req.originalUrl} ${JSON.stringify(req.body ?? null)}`).digest('hex');
    const res = context.switchToHttp().getResponse<{ status(code: number): void; setHeader(n: string, v: string): void }>();

    return from(this.claim(key, fingerprint)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          res.status(earlier.statusCode!);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(earlier.response);
        }
        req.idempotencyKey = key;
        return next.handle().pipe(
          mergeMap(async (body) => {
            const statusCode = (res as unknown as { statusCode: number }).statusCode;
            await this.keys.update({ key }, { statusCode, response: body ?? null, completedAt: new Date() });
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.keys.delete({ key, completedAt: IsNull() });
            throw error;
          }),
        );
      }),
    );
  }

  /** Claims the key, or returns the stored response of the request that claimed it first. */
  private async claim(key: string, fingerprint: string): Promise<HttpIdempotencyRow | null> {
    const inserted = await this.keys
      .createQueryBuilder()
      .insert()
      .values({ key, fingerprint })
      .orIgnore()
      .returning(['key'])
      .execute();
    if (inserted.raw.length === 1) return null;
    const row = await this.keys.findOneByOrFail({ key });
    if (row.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException('This Idempotency-Key was used for a different request');
    }
    if (row.completedAt) return row;
    const abandoned = await this.keys.update(
      { key, completedAt: IsNull(), createdAt: LessThan(new Date(Date.now() - ABANDONED_AFTER_MS)) },
      { createdAt: new Date() },
    );
    if (abandoned.affected === 1) return null;
    throw new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly');
  }
}
