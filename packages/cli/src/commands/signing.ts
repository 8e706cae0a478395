import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findAgencyByCode, findUserCredentials, listTrustedRootCertificates } from '@motcua/db';
import {
  addTrustedRoot,
  describeCertificate,
  ensureTestAuthority,
  issueTestCredentialUnchecked,
  loadConfig,
  openRuntimeContext,
  verifyPdfSignatures,
} from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK, UsageError } from '../io.js';

export const signingTestCaCommand: Command = {
  path: ['signing', 'test-ca'],
  summary: 'Create the install’s TEST CA once (no legal value) and issue test certificates',
  usage:
    'motcua signing test-ca [--province NN] [--out ca.pem] [--agency CODE [--official USERNAME]] [--json]\n' +
    '  without --agency: creates the test CA and its timestamp key if missing and prints the CA;\n' +
    '  --agency CODE: issues a certificate to the agency; with --official USERNAME: to that official of the agency.',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        province: { type: 'string', default: '00' },
        out: { type: 'string' },
        agency: { type: 'string' },
        official: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.official && !values.agency) {
      throw new UsageError('--official needs --agency (the agency the official signs for)');
    }
    const config = loadConfig(io.env);
    const runtime = await openRuntimeContext(config);
    try {
      const { ctx } = runtime;
      if (!values.agency) {
        const authority = await ensureTestAuthority(ctx, values.province);
        const ca = describeCertificate(authority.ca.certificatePem);
        if (values.out) {
          writeFileSync(values.out, authority.ca.certificatePem);
        }
        if (values.json) {
          io.out(JSON.stringify({ subject: ca.subject, sha256: ca.sha256, notAfter: ca.notAfter.toISOString() }));
        } else {
          io.out(`TEST CA: ${ca.subject}`);
          io.out(`SHA-256: ${ca.sha256}  valid until ${ca.notAfter.toISOString().slice(0, 10)}`);
          io.out('This CA is for trials only: its signatures have no legal value (docs/signing.md).');
          if (values.out) {
            io.out(`certificate written to ${values.out}`);
          }
        }
        return EXIT_OK;
      }
      const agency = await findAgencyByCode(ctx.db, values.agency);
      if (!agency) {
        io.err(`motcua: no agency with code ${values.agency}`);
        return EXIT_FAILURE;
      }
      let userId: string | undefined;
      if (values.official) {
        userId = (await findUserCredentials(ctx.db, values.official))?.id;
        if (!userId) {
          io.err(`motcua: no official with username ${values.official}`);
          return EXIT_FAILURE;
        }
      }
      const issued = await issueTestCredentialUnchecked(
        ctx,
        userId ? { ownerKind: 'official', agencyId: agency.id, userId } : { ownerKind: 'agency', agencyId: agency.id },
        null,
      );
      io.out(values.json ? JSON.stringify(issued) : `issued ${issued.subject} (serial ${issued.serial})`);
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};

export const signingTrustRootCommand: Command = {
  path: ['signing', 'trust-root'],
  summary: 'Trust a root certificate (PEM) when verifying signed PDFs',
  usage: 'motcua signing trust-root FILE.pem [--province NN]',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { province: { type: 'string', default: '00' } },
      allowPositionals: true,
      strict: true,
    });
    const [file] = positionals;
    if (!file) {
      throw new UsageError('name the PEM file of the root certificate');
    }
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const root = await addTrustedRoot(runtime.ctx, {
        certificatePem: readFileSync(file, 'utf8'),
        provinceCode: values.province,
      });
      io.out(`trusted: ${root.subject} (SHA-256 ${root.certificateSha256})`);
      return EXIT_OK;
    } finally {
      await runtime.close();
    }
  },
};

export const signingVerifyCommand: Command = {
  path: ['signing', 'verify'],
  summary: 'Verify every signature of a PDF against the install’s trusted roots',
  usage: 'motcua signing verify FILE.pdf [--json]   (exit 1 when a signature is not valid)',
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const [file] = positionals;
    if (!file) {
      throw new UsageError('name the PDF file');
    }
    const runtime = await openRuntimeContext(loadConfig(io.env));
    try {
      const result = verifyPdfSignatures(readFileSync(file), await listTrustedRootCertificates(runtime.ctx.db));
      if (values.json) {
        io.out(JSON.stringify(result));
      } else {
        for (const signature of result.signatures) {
          io.out(
            `#${signature.index} ${signature.valid ? 'VALID' : 'INVALID'}  ${signature.certificate?.subject ?? '?'}  ` +
              `${signature.signingTime ?? ''}${signature.coversWholeDocument ? '  (whole document)' : ''}` +
              (signature.problems.length > 0 ? `\n    ${signature.problems.join('\n    ')}` : ''),
          );
        }
        io.out(
          result.signatures.length === 0
            ? 'no signatures'
            : result.modifiedAfterLastSignature
              ? 'the file was changed after its last signature'
              : 'nothing was added after the last signature',
        );
      }
      return result.signatures.length > 0 && result.signatures.every((s) => s.valid) ? EXIT_OK : EXIT_FAILURE;
    } finally {
      await runtime.close();
    }
  },
};
