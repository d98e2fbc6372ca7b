import { ApiProperty, PickType } from '@nestjs/swagger';
import { ROLES, type AuthUser, type Role } from '@app/platform';

/** A user as every endpoint shows one: never the password hash. */
export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4f0e-9b7a-2d5c8e1f4a90' })
  id: string;

  @ApiProperty({ example: 'zhang.wei' })
  username: string;

  @ApiProperty({ example: '张伟' })
  displayName: string;

  @ApiProperty({ enum: ROLES, example: 'caseworker' })
  role: Role;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The handling unit a unit_handler acts for (e.g. district-drc); null for every other role' })
  unitId: string | null;
}

/** An account as the administrators see it. */
export class UserAccountDto extends AuthUserDto {
  @ApiProperty({ description: 'false: cannot log in, its tokens are refused' })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** A page of accounts by username, and how many there are. */
export class UserAccountPageDto {
  @ApiProperty({ type: [UserAccountDto] })
  items: UserAccountDto[];

  @ApiProperty({ example: 120 })
  total: number;
}

/** A colleague as the directory shows one: name, role and unit — no username, no credentials. */
export class ColleagueDto extends PickType(AuthUserDto, ['id', 'displayName', 'role', 'unitId'] as const) {}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ type: () => AuthUserDto })
  user: AuthUserDto;
}
