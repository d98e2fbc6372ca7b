import { EventStore1764300000000 } from './1764300000000-event-store';

/** Every migration, in order. A new migration is a new file added here; an applied one is never edited. */
export const ALL_MIGRATIONS = [EventStore1764300000000];
