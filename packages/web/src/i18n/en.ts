import type { Messages } from './vi';

export const en: Messages = {
  app: {
    systemName: 'Administrative Procedure Information System',
    shortName: 'One-stop shop',
    tagline: 'Receiving, handling and returning administrative procedures through the one-stop mechanism',
    language: 'Language',
    legal: 'Operated under Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP on the one-stop mechanism.',
  },
  status: {
    title: 'System status',
    ready: 'System ready',
    notReady: 'System not ready',
    checking: 'Checking…',
    database: 'Database',
    embedded: 'PGlite (embedded)',
    postgres: 'PostgreSQL',
    schema: 'Schema version',
  },
  footer: 'motcua open-source software',
};
