import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { UsersService, type Role } from '@app/platform';

export interface TestUser {
  id: string;
  username: string;
  token: string;
  /** Authorization header value. */
  auth: string;
}

let counter = 0;

/** Creates an account straight through UsersService and logs it in over HTTP. */
export async function createUser(app: INestApplication, role: Role, unitId?: string): Promise<TestUser> {
  const username = `${role.replace('_', '-')}-${++counter}-${process.pid}`;
  const password = 'correct-horse-battery';
  const user = await app.get(UsersService).create({ username, displayName: username, password, role, unitId });
  const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password }).expect(200);
  return { id: user.id, username, token: res.body.accessToken, auth: `Bearer ${res.body.accessToken}` };
}
