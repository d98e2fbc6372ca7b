import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { LogOverviewProjection } from '../projections/log-overview.projection';
import { PROJECTION_METADATA, type Projection } from '../projections/projection';

/** Every projection in the application: the built-in ones and each provider marked @ReadModelProjection(). */
@Injectable()
export class ProjectionRegistry implements OnModuleInit {
  private projections: Projection[] = [new LogOverviewProjection()];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const discovered = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(PROJECTION_METADATA, w.metatype))
      .map((w) => w.instance as Projection);
    const names = new Set<string>();
    for (const p of [...this.projections, ...discovered]) {
      if (names.has(p.name)) throw new Error(`Two projections are named ${p.name}`);
      names.add(p.name);
    }
    this.projections = [...this.projections, ...discovered];
  }

  all(): readonly Projection[] {
    return this.projections;
  }

  get(name: string): Projection {
    const found = this.projections.find((p) => p.name === name);
    if (!found) throw new Error(`No projection named ${name}; known: ${this.projections.map((p) => p.name).join(', ')}`);
    return found;
  }
}
