import { CanActivate, Controller, ExecutionContext, Get, Module, Param, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './request-log';

/** Stands in for the auth guard: it decorates the request with the user, as AuthGuard does. */
class SetsUser implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ user: { id: string } }>().user = { id: 'user-7' };
    return true;
  }
}

@Controller('api/v1/problems')
class ProblemsStub {
  @Get(':id')
  @UseGuards(SetsUser)
  one(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [ProblemsStub] })
class LoggedModule {}

/** A Nest app (Express underneath, as in production) logging through our pino-http options into memory. */
async function serveLogged(withHeaders: boolean) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const options = requestLogOptions({ level: 'info', withHeaders });
  const app = await NestFactory.create(LoggedModule, { logger: false });
  app.use(pinoHttp({ ...options, logger: pino({ level: 'info', redact: options.redact }, sink) }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { lines, base, close: () => app.close() };
}

describe('request log lines', () => {
  it('hold the request id, route, status, duration and user id, and no headers', async () => {
    const served = await serveLogged(false);
    try {
      const response = await fetch(`${served.base}/api/v1/problems/p-123?q=华星机械`, {
        headers: { authorization: 'Bearer secret-token', cookie: 'session=abc', 'x-request-id': 'req-42' },
      });
      expect(response.headers.get('x-request-id')).toBe('req-42');
      await new Promise((resolve) => setImmediate(resolve));
      const line = served.lines.find((l) => l.msg === 'request completed')!;
      expect(line).toMatchObject({
        req: { id: 'req-42', method: 'GET', path: '/api/v1/problems/p-123' },
        res: { statusCode: 200 },
        route: '/api/v1/problems/:id',
        userId: 'user-7',
      });
      expect(typeof line.responseTime).toBe('number');
      const text = JSON.stringify(line);
      for (const leaked of ['secret-token', 'session=abc', 'headers', '华星机械', 'q=']) expect(text).not.toContain(leaked);
    } finally {
      await served.close();
    }
  });

  it('put the headers back, redacted, when LOG_REQUEST_HEADERS is set', async () => {
    const served = await serveLogged(true);
    try {
      await fetch(`${served.base}/api/v1/problems/p-1`, { headers: { authorization: 'Bearer secret-token', 'x-custom': 'seen' } });
      await new Promise((resolve) => setImmediate(resolve));
      const line = served.lines.find((l) => l.msg === 'request completed')!;
      expect(line).toMatchObject({ req: { headers: { 'x-custom': 'seen', authorization: '[Redacted]' } } });
      expect(JSON.stringify(line)).not.toContain('secret-token');
    } finally {
      await served.close();
    }
  });
});
