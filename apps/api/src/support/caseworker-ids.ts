import { BadRequestException } from '@nestjs/common';
import type { UsersService } from '@app/platform';

/**
 * The people on a visit are counted per caseworker (走访 by 服务专员): an id that is no active caseworker
 * would be a visit nobody can be asked about. A 400 naming each such id, before anything is appended.
 */
export async function refuseUnknownCaseworkers(users: UsersService, ids: readonly string[]): Promise<void> {
  const refused = new Set(await users.notActiveWithRole(ids, 'caseworker'));
  if (refused.size === 0) return;
  const errors = ids.flatMap((id, i) => (refused.has(id) ? [{ field: `caseworkerIds[${i}]`, messages: [`${id} is not an active caseworker`] }] : []));
  throw new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors });
}
