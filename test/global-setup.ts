/** Fails fast, before any suite runs, when CI asked for the real services and they are not configured. */
export default async function globalSetup(): Promise<void> {
  if (process.env.REQUIRE_SERVICES === '1') {
    for (const name of ['DATABASE_URL', 'REDIS_URL']) {
      if (!process.env[name]) throw new Error(`REQUIRE_SERVICES=1 but ${name} is not set`);
    }
  }
}
