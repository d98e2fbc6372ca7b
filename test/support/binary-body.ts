import type request from 'supertest';

/** The body as bytes, whatever its content type (a file download, or an error answered on a download route). */
export const binary = (req: request.Test) =>
  req.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
