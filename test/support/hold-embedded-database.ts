import { openEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

/**
 * A second process with the embedded database open, for the single-opener specs: opens the directory given
 * as the first argument, says `open` on stdout, and keeps it open until its stdin closes or it is killed.
 */
async function main(): Promise<void> {
  const db = await openEmbeddedPostgres(process.argv[2]);
  await db.pglite.query('SELECT 1');
  process.stdout.write('open\n');
  process.stdin.resume();
  process.stdin.on('end', () => void db.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
