import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Thrown when another live process has the embedded database open. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the embedded database in DATA_DIR is in use by pid ${pid} (${lockFile}). PGlite is single-process: ` +
        `stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.`,
    );
  }
}

export interface EmbeddedDatabaseLock {
  readonly file: string;
  release(): void;
}

/**
 * A pid file next to the PGlite directory, created exclusively while this process has the database open.
 * PGlite itself takes no lock: a second process would open the same files, keep its own copy of the
 * state in memory, and its writes would be lost or would clobber the first one's. A lock left by a dead
 * process (kill -9, power loss) is recognised by its pid no longer running and taken over.
 * (A pid reused by an unrelated process after a crash keeps the lock held: the message names the pid, so
 * the operator can check it and delete the file.)
 */
export function lockEmbeddedDatabase(dataDir: string): EmbeddedDatabaseLock {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const fd = tryCreate(file);
    if (fd !== null) {
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return holdLock(file);
    }
    const holder = readPid(file);
    if (holder !== null && isRunning(holder)) throw new EmbeddedDatabaseInUseError(holder, file);
    // Stale (or half-written by a process that died at once): remove it while it still names the dead pid,
    // then race for a fresh one; the exclusive create decides who wins.
    removeIfSame(file, holder);
  }
  throw new Error(`could not take the embedded database lock ${file}`);
}

function holdLock(file: string): EmbeddedDatabaseLock {
  let held = true;
  // A process that exits without closing the database (process.exit in a CLI) still removes its lock.
  const onExit = () => release();
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', onExit);
    if (readPid(file) === process.pid) unlinkQuietly(file);
  };
  process.on('exit', onExit);
  return { file, release };
}

function tryCreate(file: string): number | null {
  try {
    return openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks existence only. EPERM: it runs under another user, which still means it is alive. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfSame(file: string, stalePid: number | null): void {
  if (readPid(file) === stalePid) unlinkQuietly(file);
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
