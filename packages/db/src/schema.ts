import type { CalendarTables } from './tables/calendar.js';
import type { CatalogTables } from './tables/catalog.js';
import type { DocumentExchangeTables } from './tables/document-exchange.js';
import type { DossierTables } from './tables/dossiers.js';
import type { EofficeTables } from './tables/eoffice.js';
import type { FeesTables } from './tables/fees.js';
import type { FormTables } from './tables/forms.js';
import type { FoundationTables } from './tables/foundation.js';
import type { IntegrationTables } from './tables/integration.js';
import type { OfficialsTables } from './tables/officials.js';
import type { PaknTables } from './tables/pakn.js';
import type { ParTables } from './tables/par.js';
import type { ParRoundTables } from './tables/par-round.js';
import type { PortalTables } from './tables/portal.js';
import type { PortalContentTables } from './tables/portal-content.js';
import type { PortalMediaTables } from './tables/portal-media.js';
import type { ProcedureDecisionTables } from './tables/procedure-decisions.js';
import type { ProvinceSiteTables } from './tables/province-sites.js';
import type { SigningTables } from './tables/signing.js';
import type { SipasTables } from './tables/sipas.js';
import type { StatisticsTables } from './tables/statistics.js';
import type { WorkTables } from './tables/work.js';

/**
 * The whole database as Kysely sees it (camelCase; CamelCasePlugin maps to snake_case SQL).
 * Each area keeps its tables in `tables/<area>.ts` next to its migrations.
 */
export type Database = FoundationTables &
  OfficialsTables &
  CalendarTables &
  CatalogTables &
  DossierTables &
  EofficeTables &
  FeesTables &
  FormTables &
  PaknTables &
  ParTables &
  ParRoundTables &
  PortalTables &
  SigningTables &
  SipasTables &
  StatisticsTables &
  DocumentExchangeTables &
  WorkTables &
  IntegrationTables &
  PortalContentTables &
  ProcedureDecisionTables &
  ProvinceSiteTables &
  PortalMediaTables;
