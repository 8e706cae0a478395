import { i18n } from './index';
import { type PortalDecisionsMessages, portalDecisionsVi as vi } from './portal-decisions-vi';

/*
 * Texts of the portal's procedure decisions and public results (`portalDecisions.*`, `portalResults.*`), loaded
 * by those pages only.
 */
const en: PortalDecisionsMessages = {
  portalDecisions: {
    title: 'Decisions announcing administrative procedures',
    intro: 'Decisions of the provincial chairman announcing new, amended and abolished administrative procedures.',
    none: 'No decision has been published yet.',
    number: 'Number',
    signedOn: 'Signed on',
    effectiveOn: 'Effective on',
    counts: '{{new}} new, {{amended}} amended, {{abolished}} abolished',
    more: 'More',
    back: 'All decisions',
    procedures: 'Procedures announced',
    code: 'Code',
    name: 'Procedure',
    change: 'Change',
    abolishedNote: 'Abolished — the page is kept for reference',
    notInCatalog: 'Not in the catalog',
    loadError: 'The decision could not be loaded. Please try again.',
    notFound: 'Decision not found.',
    ofProcedure: 'Decisions about this procedure',
    forms: 'Forms',
    noFile: 'no file to download yet',
    download: 'Download',
  },
  portalResults: {
    title: 'Results of handling administrative procedures',
    intro:
      'Share of dossiers resolved early or on time by agency. Only ended months, quarters and years are published.',
    indexTitle: 'Service index (Decision 766/QĐ-TTg)',
    indexIntro: 'Ranking of the agencies by the Decision 766 service-quality index.',
    period: 'Period',
    agency: 'Agency',
    totalToProcess: 'To process',
    resolved: 'Resolved',
    onTimeRate: 'Early or on time',
    province: 'Whole province',
    chart: 'Chart of the on-time rate by agency',
    indexChart: 'Chart of the Decision 766 score share by agency',
    xlsx: 'Download Excel',
    csv: 'Download CSV',
    rank: 'Rank',
    score: 'Score / maximum',
    unranked: 'Not ranked (few dossiers)',
    none: 'No period has been published yet.',
    loadError: 'The figures could not be loaded. Please try again.',
    links: 'See also',
    statsLink: 'Dossier results',
    indexLink: 'Decision 766 index',
    parLink: 'PAR Index',
    decisionsLink: 'Procedure decisions',
    sipasLink: 'Satisfaction (SIPAS)',
    sipasTitle: 'Citizen and business satisfaction index (SIPAS)',
    sipasNone: 'No survey result has been published yet.',
    sipasChart: 'Chart of the satisfaction index by agency',
    responses: 'Responses / sample',
    satisfaction: 'Satisfaction index',
    demo: 'Demo data',
  },
};

i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
