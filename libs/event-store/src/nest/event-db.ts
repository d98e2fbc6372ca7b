/** The SQL handle over the shared pool, for code that writes beside the store (never inside its transactions). */
export const EVENT_DB = Symbol('EventDb');
