import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecuteHandlingUnitCommandHandler } from './application/execute-handling-unit-command';
import { HandlingUnitLookup } from './application/handling-unit-lookup';
import { HandlingUnitRow } from './read-model/handling-unit.row';
import { HandlingUnitsProjection } from './read-model/handling-units.projection';
import { HandlingUnitDirectory } from './read-model/handling-units.query';

/**
 * The handling-unit registry (reference data kept by administrators): its command handler, the lookup
 * other commands check their units against, the read model and its projection.
 */
@Module({
  imports: [TypeOrmModule.forFeature([HandlingUnitRow])],
  providers: [ExecuteHandlingUnitCommandHandler, HandlingUnitLookup, HandlingUnitDirectory, HandlingUnitsProjection],
  exports: [HandlingUnitLookup, HandlingUnitDirectory],
})
export class HandlingUnitsModule {}
