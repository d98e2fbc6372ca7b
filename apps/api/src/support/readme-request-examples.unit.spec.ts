import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod, type ArgumentMetadata } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { validationPipe } from '../http/validation';
import { ProblemsController } from './problems.controller';
import { VisitsController } from './visits.controller';

type Dto = new () => object;

/** `POST /api/v1/<controller path>/<route path>` → the DTO class of its @Body(), read from Nest's route metadata. */
function bodyTypesByRoute(...controllers: (new (...args: never[]) => object)[]): Map<string, Dto> {
  const routes = new Map<string, Dto>();
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name] as object;
      if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
      const body = Object.entries(args).find(([key]) => key.startsWith(`${RouteParamtypes.BODY}:`));
      if (!body) continue;
      const types = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as Dto[];
      const path = (Reflect.getMetadata(PATH_METADATA, handler) as string).replace(/^\/$/, '');
      routes.set(`POST /${[base, path].filter(Boolean).join('/')}`, types[body[1].index]);
    }
  }
  return routes;
}

/** The requests in the README's "Request bodies" block: a `POST <path>` line, then its JSON body. */
function readmeRequests(): [route: string, body: object][] {
  const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Request bodies'));
  const block = section.slice(section.indexOf('```http') + '```http'.length, section.indexOf('```', section.indexOf('```http') + 7));
  return block
    .split(/\n(?=POST )/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const [line, ...json] = chunk.split('\n');
      // Placeholders such as "<caseworker user id>" stand for ids: any id the DTO accepts.
      const body = JSON.parse(json.join('\n').replace(/"<[^">]+>"/g, '"0b9c3a52-6d1e-4f2a-9a57-3c1f0e2d4b68"')) as object;
      return [line.trim(), body];
    });
}

describe('README request bodies', () => {
  const routes = bodyTypesByRoute(VisitsController, ProblemsController);
  const requests = readmeRequests();

  it('show POST /visits and every lifecycle step of a problem', () => {
    const lifecycle = [...routes.keys()].filter((r) => r.startsWith('POST /api/v1/problems/:id/'));
    expect(lifecycle.length).toBeGreaterThanOrEqual(15);
    expect(requests.map(([route]) => route).sort()).toEqual([...lifecycle, 'POST /api/v1/visits'].sort());
  });

  it.each(readmeRequests())('%s passes the validation pipe with its DTO', async (route, body) => {
    const metatype = routes.get(route);
    expect(metatype).toBeDefined();
    await expect(validationPipe.transform(body, { type: 'body', metatype } as ArgumentMetadata)).resolves.toBeDefined();
  });

  it('(and the pipe does refuse a body the API would refuse)', async () => {
    const [, body] = requests.find(([route]) => route === 'POST /api/v1/problems/:id/resolve')!;
    const metatype = routes.get('POST /api/v1/problems/:id/resolve');
    await expect(validationPipe.transform({ ...body, outcome: 'fixed' }, { type: 'body', metatype } as ArgumentMetadata)).rejects.toThrow();
  });
});
