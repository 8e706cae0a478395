import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLanguage } from './language.js';
import { registerProblemHandlers } from './problems.js';
import { readUploadedFile } from './uploads.js';

const MAX_BYTES = 1000;
const B = 'motcuaBoundary';
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  registerLanguage(app);
  registerProblemHandlers(app, { bodyLimitBytes: 4096 });
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, parts: 3 }, throwFileSizeLimit: true });
  app.post('/upload', async (request) => {
    const file = await readUploadedFile(request, MAX_BYTES);
    return { fileName: file.fileName, bytes: file.content.length };
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

const filePart = (fileName: string, content: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n${content}`;
const send = (contentType: string, payload: string) =>
  app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': contentType }, payload });

describe('the shared multipart reader', () => {
  it('reads one well-formed file part', async () => {
    const response = await send(`multipart/form-data; boundary=${B}`, `${filePart('a.pdf', 'hello')}\r\n--${B}--\r\n`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ fileName: 'a.pdf', bytes: 5 });
  });

  it.each([
    ['no boundary', 'multipart/form-data', `${filePart('a.pdf', 'hello')}\r\n--${B}--\r\n`],
    ['a truncated part', `multipart/form-data; boundary=${B}`, filePart('a.pdf', 'hel')],
    ['a truncated part header', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposi`],
    ['a body that is not multipart', `multipart/form-data; boundary=${B}`, 'garbage'],
    [
      'another boundary than declared',
      'multipart/form-data; boundary=other',
      `${filePart('a.pdf', 'x')}\r\n--${B}--\r\n`,
    ],
  ])('answers 400 UPLOAD_MALFORMED for %s', async (_label, contentType, payload) => {
    const response = await send(contentType, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('UPLOAD_MALFORMED');
  });

  it('answers 400 UPLOAD_MISSING for an empty form, a form without a file and a JSON body', async () => {
    const empty = await send(`multipart/form-data; boundary=${B}`, '');
    const fieldOnly = await send(
      `multipart/form-data; boundary=${B}`,
      `--${B}\r\nContent-Disposition: form-data; name="x"\r\n\r\nhello\r\n--${B}--\r\n`,
    );
    const json = await send('application/json', '{"file":"x"}');
    for (const response of [empty, fieldOnly, json]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('UPLOAD_MISSING');
    }
  });

  it('answers 415 for a multipart type other than form-data', async () => {
    const response = await send(`multipart/mixed; boundary=${B}`, `${filePart('a.pdf', 'x')}\r\n--${B}--\r\n`);
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 UPLOAD_TOO_LARGE for a file over the limit', async () => {
    const response = await send(
      `multipart/form-data; boundary=${B}`,
      `${filePart('a.pdf', 'x'.repeat(MAX_BYTES + 1))}\r\n--${B}--\r\n`,
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('UPLOAD_TOO_LARGE');
  });

  it('refuses a file name with a NUL, naming the field', async () => {
    const response = await send(
      `multipart/form-data; boundary=${B}`,
      `${filePart('a\u0000.pdf', 'x')}\r\n--${B}--\r\n`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'TEXT_INVALID_CHARACTER',
      errors: [{ in: 'body', pointer: '/file/filename' }],
    });
  });
});
