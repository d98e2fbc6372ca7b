import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { verifyPassword } from './password';
import type { AuthUser, Role } from './roles';
import { UserRow } from './user.entity';

interface TokenClaims {
  sub: string;
  username: string;
  name: string;
  role: Role;
  unit: string | null;
}

const INVALID_LOGIN = 'Unknown user or wrong password';

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
  ) {}

  /** Same answer and similar time for an unknown user as for a wrong password. */
  async login(username: string, password: string): Promise<{ accessToken: string; expiresIn: number; user: AuthUser }> {
    const row = await this.users.findOneBy({ username });
    const ok = await verifyPassword(row?.passwordHash ?? null, password);
    if (!row || !ok || !row.active) throw new UnauthorizedException(INVALID_LOGIN);
    const user = toAuthUser(row);
    const claims: TokenClaims = { sub: user.id, username: user.username, name: user.displayName, role: user.role, unit: user.unitId };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, user };
  }

  async verify(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired; log in again');
    }
    return { id: claims.sub, username: claims.username, displayName: claims.name, role: claims.role, unitId: claims.unit };
  }
}

export function toAuthUser(row: UserRow): AuthUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId };
}
