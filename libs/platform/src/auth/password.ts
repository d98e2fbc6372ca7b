import argon2 from 'argon2';

// Verifying against a real hash even for unknown users keeps login timing from revealing who exists.
let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('zhuqi-timing-equaliser');
  try {
    return await argon2.verify(hash ?? (await dummyHash), password).then((ok) => ok && hash !== null);
  } catch {
    return false;
  }
}
