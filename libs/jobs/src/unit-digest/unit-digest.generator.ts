import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GenerateUnitDigest, type GenerateUnitDigestResult } from '@app/reporting';
import type { CommandContext } from '@app/platform';
import { UNIT_DIGEST_GENERATOR, type UnitDigestGenerator } from './unit-digest.job';

/** Binds the job to the reporting context's GenerateUnitDigest command, as the monthly summary's generator does. */
export const unitDigestGenerator: Provider = {
  provide: UNIT_DIGEST_GENERATOR,
  inject: [CommandBus],
  useFactory: (commands: CommandBus): UnitDigestGenerator => ({
    generate: (date: string, context: CommandContext) => commands.execute<GenerateUnitDigest, GenerateUnitDigestResult>(new GenerateUnitDigest(date, context)),
  }),
};
