import { parseArgs } from 'node:util';
import { loadConfig, openConfiguredDatabase, verifyAuditChains } from '@motcua/server';
import { type Command, EXIT_FAILURE, EXIT_OK } from '../io.js';

const KIND_LABELS: Record<string, string> = {
  edited: 'EDITED',
  inserted: 'INSERTED',
  deleted: 'DELETED',
  reordered: 'REORDERED',
  tail_deleted: 'DELETED (tail)',
  unanchored: 'UNANCHORED',
};

export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  summary:
    'Recompute the hash chains of dossier, PAKN, document, work and province-site histories and name every tampered row',
  usage: 'motcua audit verify [--dossier CODE | --pakn CODE] [--json]   (exit 1 when anything was tampered with)',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { dossier: { type: 'string' }, pakn: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const config = loadConfig(io.env);
    const opened = await openConfiguredDatabase(config);
    try {
      const report = await verifyAuditChains(
        { db: opened.database.db },
        { dossierCode: values.dossier, paknCode: values.pakn },
        (done) => {
          if (!values.json && io.isTty && done % 100 === 0) {
            io.err(`\u001b[1A\u001b[2Kverified ${done} dossiers…`);
          }
        },
      );
      if (values.json) {
        io.out(JSON.stringify(report));
      } else {
        for (const finding of report.findings) {
          io.out(
            `${KIND_LABELS[finding.kind] ?? finding.kind}  ${finding.dossierCode}  event ${finding.seq ?? '-'}` +
              `${finding.eventId === null ? '' : ` (row id ${finding.eventId})`}: ${finding.detail}`,
          );
        }
        for (const finding of report.par?.findings ?? []) {
          io.out(
            `${KIND_LABELS[finding.kind] ?? finding.kind}  ${finding.unit}  event ${finding.seq ?? '-'}` +
              `${finding.criterionCode ? ` (tiêu chí ${finding.criterionCode})` : ''}` +
              `${finding.eventId === null ? '' : ` (row id ${finding.eventId})`}: ${finding.detail}`,
          );
        }
        if (report.par) {
          io.out(
            report.par.findings.length === 0
              ? `OK: ${report.par.units} PAR units, ${report.par.events} score events, every chain intact.`
              : `TAMPERED: ${report.par.findings.length} problem(s) in PAR score histories (${report.par.units} units checked).`,
          );
        }
        io.out(
          report.findings.length === 0
            ? `OK: ${report.dossiers} dossiers, ${report.events} events, ${report.pakn} PAKN, ${report.paknEvents} PAKN events, ${report.documents} documents, ${report.documentEvents} document events, ${report.workRecords} work records, ${report.workEvents} work events, ${report.sites} province sites, ${report.siteEvents} site events, every chain intact.`
            : `TAMPERED: ${report.findings.length} problem(s) in ${new Set(report.findings.map((f) => f.dossierCode)).size} record(s) (${report.dossiers} dossiers, ${report.events} events, ${report.pakn} PAKN, ${report.paknEvents} PAKN events, ${report.documents} documents, ${report.documentEvents} document events, ${report.workRecords} work records, ${report.workEvents} work events, ${report.sites} province sites, ${report.siteEvents} site events checked).`,
        );
      }
      return report.findings.length === 0 && (report.par?.findings.length ?? 0) === 0 ? EXIT_OK : EXIT_FAILURE;
    } finally {
      await opened.close();
    }
  },
};
