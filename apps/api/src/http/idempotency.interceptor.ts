import {
  applyDecorators,
  BadRequestException,
  ConflictException,
  Injectable,
  SetMetadata,
  UnprocessableEntityException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { from, of, type Observable } from 'rxjs';
import { catchError, finalize, mergeMap } from 'rxjs/operators';
import type { Repository } from 'typeorm';
import { AppConfig, IS_PUBLIC, type AuthUser } from '@app/platform';
import { HttpIdempotencyRow } from './http-idempotency.entity';

const HEADER = 'idempotency-key';
/** Checked here, where the key enters, and nowhere else: what travels down is a fixed-length digest of it. */
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,200}$/;
const AFTER_UPLOAD = 'zhuqi:idempotent-after-upload';

interface UploadedPart {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
}

interface IdempotentRequest {
  method: string;
  originalUrl: string;
  body: unknown;
  headers: Record<string, string | undefined>;
  user?: AuthUser;
  file?: UploadedPart;
  files?: UploadedPart[] | Record<string, UploadedPart[]>;
  idempotencyKey?: string;
  idempotencyHandled?: boolean;
  idempotencyDeferred?: boolean;
}

interface ClaimedRow {
  fingerprint: string;
  status_code: number | null;
  response: unknown;
  completed: boolean;
}

/**
 * A multipart route: the file is parsed by multer in a route interceptor, after the global one has run, so the
 * key is claimed there, once the upload is in hand and its bytes are part of the fingerprint.
 */
export const IdempotentUpload = (field: string, options: Parameters<typeof FileInterceptor>[1]) =>
  applyDecorators(SetMetadata(AFTER_UPLOAD, true), UseInterceptors(FileInterceptor(field, options), IdempotencyInterceptor));

/**
 * Every authenticated POST accepts an Idempotency-Key. The first request claims the key and its response is kept;
 * a retry gets that response again (header Idempotent-Replayed: true) and runs nothing. A failed request
 * releases its claim but keeps its fingerprint: the same request may run again (the event store replays what it
 * appended), another request under that key is refused, never answered with the first one's append. Public
 * routes (login) are never recorded. A running request beats a heartbeat (database clock); only a claim whose
 * heartbeat is older than IDEMPOTENCY_ABANDONED_AFTER_MS, by the database's clock, may be taken over by a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectRepository(HttpIdempotencyRow) private readonly keys: Repository<HttpIdempotencyRow>,
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<IdempotentRequest>();
    const given = req.headers[HEADER];
    if (req.method !== 'POST' || given === undefined || req.idempotencyHandled) return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    // Nothing of a login is kept: no token in a stored response, no digest of a password.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) || !req.user) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(AFTER_UPLOAD, targets) && !req.idempotencyDeferred) {
      // The global instance runs before multer: the route's own instance (IdempotentUpload) claims once the file is parsed.
      req.idempotencyDeferred = true;
      return next.handle();
    }
    if (!KEY_FORMAT.test(given)) {
      throw new BadRequestException({
        message: 'Idempotency-Key must be 1-200 characters of letters, digits and _.:-',
        errors: [{ field: 'Idempotency-Key', messages: ['must be 1-200 characters of letters, digits and _.:-'] }],
      });
    }
    req.idempotencyHandled = true;
    const key = `${req.user.id}:${given}`;
    const fingerprint = this.fingerprint(req);
    const token = randomUUID();
    const res = context.switchToHttp().getResponse<{ statusCode: number; status(code: number): void; setHeader(n: string, v: string): void }>();

    return from(this.claim(key, fingerprint, token)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          res.status(earlier.status_code!);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(earlier.response);
        }
        // Downstream keys (event store, derived ids) are a digest of ours: bounded length, whatever the client sent.
        req.idempotencyKey = createHash('sha256').update(key).digest('hex');
        const beat = this.heartbeat(key, token);
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.keys.query(
              `UPDATE http_idempotency_keys SET status_code = $3, response = $4::jsonb, completed_at = now(), claim_token = NULL
                WHERE key = $1 AND claim_token = $2`,
              [key, token, res.statusCode, JSON.stringify(body ?? null)],
            );
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.keys.query(`UPDATE http_idempotency_keys SET claim_token = NULL WHERE key = $1 AND claim_token = $2`, [key, token]);
            throw error;
          }),
          finalize(() => clearInterval(beat)),
        );
      }),
    );
  }

  /** Method, path, body and every uploaded file's name and bytes, under the server's secret. */
  private fingerprint(req: IdempotentRequest): string {
    const hmac = createHmac('sha256', this.config.idempotency.secret);
    hmac.update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}\n`);
    for (const part of uploadedParts(req)) {
      hmac.update(`${part.fieldname}\n${part.originalname}\n${part.buffer.length}\n`);
      hmac.update(part.buffer);
    }
    return hmac.digest('hex');
  }

  /** Keeps the claim alive while the request runs (a long import is not taken over); the timer only paces it. */
  private heartbeat(key: string, token: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.keys
        .query(`UPDATE http_idempotency_keys SET heartbeat_at = now() WHERE key = $1 AND claim_token = $2`, [key, token])
        .catch(() => undefined); // a missed beat only shortens the claim's life; the next one retries
    }, Math.max(250, Math.floor(this.config.idempotency.abandonedAfterMs / 4)));
    timer.unref();
    return timer;
  }

  /** Claims the key, or returns the stored response of the request that claimed it first. */
  private async claim(key: string, fingerprint: string, token: string): Promise<ClaimedRow | null> {
    const inserted: unknown[] = await this.keys.query(
      `INSERT INTO http_idempotency_keys (key, fingerprint, claim_token, heartbeat_at) VALUES ($1, $2, $3, now())
        ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, fingerprint, token],
    );
    if (inserted.length === 1) return null;
    const row = await this.read(key);
    if (row.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException('This Idempotency-Key was used for a different request');
    }
    if (row.completed) return row;
    // Free (an earlier attempt failed) or abandoned (its heartbeat stopped): both judged by the database's clock only.
    const taken: unknown[] = await this.keys.query(
      `UPDATE http_idempotency_keys SET claim_token = $2, heartbeat_at = now()
        WHERE key = $1 AND fingerprint = $3 AND completed_at IS NULL
          AND (claim_token IS NULL OR heartbeat_at < now() - make_interval(secs => $4::double precision / 1000))
        RETURNING key`,
      [key, token, fingerprint, this.config.idempotency.abandonedAfterMs],
    );
    if (affected(taken) === 1) return null;
    const now = await this.read(key);
    if (now.completed) return now;
    throw new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly');
  }

  private async read(key: string): Promise<ClaimedRow> {
    const [row] = await this.keys.query(
      `SELECT fingerprint, status_code, response, completed_at IS NOT NULL AS completed FROM http_idempotency_keys WHERE key = $1`,
      [key],
    );
    return row as ClaimedRow;
  }
}

function uploadedParts(req: IdempotentRequest): UploadedPart[] {
  const parts: UploadedPart[] = [];
  if (req.file) parts.push(req.file);
  if (Array.isArray(req.files)) parts.push(...req.files);
  else if (req.files) for (const list of Object.values(req.files)) parts.push(...list);
  return parts;
}

/** TypeORM's raw UPDATE … RETURNING answers [rows, count] on PostgreSQL drivers. */
function affected(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
