import type { INestApplicationContext } from '@nestjs/common';
import { UsersService } from '@app/platform';

/**
 * Creates the first admin (and any later account) from the command line. The password comes from
 * ZHUQI_PASSWORD, never argv, so it does not land in shell history or `ps`.
 */
export async function createAdminCommand(app: INestApplicationContext, username: string, displayName: string): Promise<void> {
  const password = process.env.ZHUQI_PASSWORD;
  if (!password || password.length < 12) throw new Error('Set ZHUQI_PASSWORD to the new password (at least 12 characters)');
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw new Error('username must be 3-40 of a-z, 0-9 and ._-');
  const user = await app.get(UsersService).create({ username, displayName, password, role: 'admin' });
  process.stdout.write(`Created admin ${user.username} (${user.id})\n`);
}
