import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@app/enterprises';
import { OptionalTrimmedText } from './trimmed-text';
import { MAX_OFFSET, MAX_POSITION } from '../../http/bounds';

export class ListEnterprisesDto {
  @OptionalTrimmedText(100, 'Part of the current name (case-insensitive)')
  name?: string;

  @OptionalTrimmedText(50, 'Exact park')
  park?: string;

  @OptionalTrimmedText(100, 'Exact industry')
  industry?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  // Declared so validation lets it through; ConsistentReadInterceptor does the waiting.
  @ApiPropertyOptional({ description: 'A command response’s position: wait until the list reflects it (503 if it takes too long)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POSITION)
  position?: number;
}
