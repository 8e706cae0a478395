import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Helpers for the portal's tests (no test framework or dev dependency here): multipart bodies,
 * small files of each accepted type, and signing a citizen in through the API.
 */

/** The bytes of a tiny but well-formed PDF, with a marker so different calls give different files. */
export const samplePdf = (marker = 'motcua'): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

export const samplePng = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

export const sampleJpeg = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]);

/** A multipart/form-data body with one file field, as a browser sends it. */
export const multipartFile = (
  content: Buffer,
  fileName: string,
  contentType: string,
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

export type CitizenSession = { cookie: string; csrfToken: string; headers: Record<string, string> };

/** Signs a local citizen account in through the API; the headers a browser would send afterwards. */
export const signInCitizen = async (
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<CitizenSession> => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`citizen sign-in failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'motcua_citizen');
  if (!cookie) {
    throw new Error('no citizen cookie');
  }
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const header = `motcua_citizen=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, 'x-csrf-token': csrfToken } };
};
