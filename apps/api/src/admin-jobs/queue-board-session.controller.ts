import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/platform';
import { ApiStandardErrors } from '../http/api-errors';
import { BULL_BOARD_PATH, QUEUE_BOARD_COOKIE } from './bull-board';

class QueueBoardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Open this path in the same browser' })
  url: string;

  @ApiProperty({ example: 900, description: 'Seconds the board stays open without logging in again' })
  expiresIn: number;
}

interface CookieResponse {
  cookie(name: string, value: string, options: Record<string, unknown>): void;
}

/**
 * A browser cannot send a bearer header when it opens /admin/queues, so an admin's console asks for an
 * HttpOnly cookie holding the admin's own (short-lived) token, scoped to that path only. The board's
 * middleware checks it exactly as it checks a bearer token: admins only, refused once expired.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Administrators only' })
@Controller('api/v1/admin/queue-board-session')
export class QueueBoardSessionController {
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Let this browser open the queue board (/admin/queues) for the rest of the token’s life' })
  @ApiOkResponse({ type: QueueBoardSessionDto })
  open(@Req() req: { headers: { authorization?: string } }, @Res({ passthrough: true }) res: CookieResponse): QueueBoardSessionDto {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const expiresIn = secondsLeft(token);
    res.cookie(QUEUE_BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: BULL_BOARD_PATH, maxAge: expiresIn * 1000 });
    return { url: BULL_BOARD_PATH, expiresIn };
  }
}

/** The token's own exp claim (the guard has verified it already): the cookie lives no longer than it. */
function secondsLeft(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: number };
    return Math.max(0, (payload.exp ?? 0) - Math.floor(Date.now() / 1000));
  } catch {
    return 0;
  }
}
