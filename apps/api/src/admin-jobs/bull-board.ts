import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { JOB_NAMES, JobQueues } from '@app/jobs';
import { AuthService } from '@app/platform';

export const BULL_BOARD_PATH = '/admin/queues';
/** Set by POST /api/v1/admin/queue-board-session, scoped to BULL_BOARD_PATH (a browser sends no bearer header). */
export const QUEUE_BOARD_COOKIE = 'zhuqi_queue_board';

// The little of Express this middleware touches (the project has no @types/express).
interface Request {
  headers: { authorization?: string; cookie?: string };
}
interface Response {
  status(code: number): { json(body: unknown): void };
}
type NextFunction = () => void;

/**
 * Bull Board at /admin/queues (BullMQ mode only). It is plain Express, outside Nest's routing, so the
 * global AuthGuard never sees it: this middleware does the same check — a valid bearer token of an admin.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: JobQueues,
    private readonly moduleRef: ModuleRef,
  ) {}

  // AuthService lives in the API's AuthModule (registered once, with the guard); look it up there.
  private get auth(): AuthService {
    return this.moduleRef.get(AuthService, { strict: false });
  }

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!this.queues.enabled || !http) return;
    const serverAdapter = new ExpressAdapter().setBasePath(BULL_BOARD_PATH);
    createBullBoard({ queues: JOB_NAMES.map((name) => new BullMQAdapter(this.queues.queue(name))), serverAdapter });
    http.getInstance().use(BULL_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.adminOnly(req, res, next), serverAdapter.getRouter());
    new Logger('Jobs').log(`Bull Board at ${BULL_BOARD_PATH} (admins only)`);
  }

  private async adminOnly(req: Request, res: Response, next: NextFunction): Promise<void> {
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    const token = scheme === 'Bearer' && bearer ? bearer : cookieValue(req.headers.cookie, QUEUE_BOARD_COOKIE);
    if (!token) {
      res.status(401).json({ statusCode: 401, message: 'A bearer token (or the console\'s queue-board session) is required' });
      return;
    }
    try {
      const user = await this.auth.verify(token);
      if (user.role !== 'admin') {
        res.status(403).json({ statusCode: 403, message: 'Admins only' });
        return;
      }
    } catch {
      res.status(401).json({ statusCode: 401, message: 'The token is invalid or has expired; log in again' });
      return;
    }
    next();
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
