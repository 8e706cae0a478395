import { z } from 'zod';

/*
 * The response contracts of the report routes the web reads (documented in OpenAPI with these
 * schemas; the web's types are generated from them). Objects are loose: the response serializer keeps
 * members a schema does not name, so a schema documents the answer without changing what is sent.
 */

const Text = z.looseObject({ vi: z.string(), en: z.string() });
const Period = z.looseObject({ from: z.string(), to: z.string(), label: Text, asOf: z.string() });

const Percentage = z.looseObject({
  value: z.number().nullable(),
  text: z.string().describe('Vietnamese text of the value, e.g. 98,81%'),
  numerator: z.number(),
  base: z.number(),
  baseLabel: Text,
  label: Text.optional().describe('Given with the totals only (the same for every group row)'),
  rule: z.string().optional(),
});

const PERCENTAGES = [
  'early',
  'onTime',
  'late',
  'earlyOrOnTime',
  'earlyOrOnTimeOfDue',
  'lateOfDue',
  'progress766',
  'online',
  'resolvedOfTotal',
] as const;

const Figures = z.looseObject({
  carriedOver: z.number(),
  receivedNew: z.number(),
  receivedOnline: z.number(),
  receivedDirect: z.number(),
  receivedPostal: z.number(),
  totalToProcess: z.number(),
  resolved: z.number(),
  resolvedEarly: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  resolvedNoDeadline: z.number(),
  inProgress: z.number(),
  inProgressNotDue: z.number(),
  inProgressOverdue: z.number(),
  returned: z.number(),
  withdrawn: z.number(),
  stopped: z.number(),
  refused: z.number(),
  percentages: z.looseObject(
    Object.fromEntries(PERCENTAGES.map((key) => [key, Percentage])) as Record<
      (typeof PERCENTAGES)[number],
      typeof Percentage
    >,
  ),
});

export const StatisticsReport = z
  .looseObject({
    title: Text,
    period: Period,
    scope: z.looseObject({
      kind: z.string(),
      provinceCode: z.string(),
      agency: z.looseObject({ id: z.string(), name: z.string() }).nullable(),
      label: Text,
    }),
    groupBy: z.array(z.string()),
    totals: Figures,
    groups: z.array(
      z.looseObject({
        keys: z.record(z.string(), z.string().nullable()),
        labels: z.record(z.string(), z.string()),
        label: z.string(),
        bucket: z.looseObject({ start: z.string(), from: z.string(), to: z.string(), label: Text }).nullable(),
        figures: Figures,
      }),
    ),
    notes: z.array(Text),
  })
  .meta({ id: 'StatisticsReport' });

const Indicator = z.looseObject({
  stt: z.number(),
  code: z.string(),
  name: z.string(),
  max: z.number(),
  status: z.enum(['scored', 'no_data', 'not_applicable']),
  score: z.number().nullable(),
  ratio: Percentage.partial({ text: true, baseLabel: true }).nullable(),
  note: Text.nullable(),
  drillDown: z.enum(['progress', 'online_full', 'data_reuse']).optional(),
});

export const ServiceIndexReport = z
  .looseObject({
    title: Text,
    period: Period,
    units: z.array(
      z.looseObject({
        rank: z
          .number()
          .int()
          .nullable()
          .describe('null when the unit has too few dossiers in the period to be ranked'),
        standing: z
          .enum(['ranked', 'too_few_dossiers'])
          .describe('too_few_dossiers: fewer dossiers than `minDossiersToRank`, listed after the ranked units'),
        dossiers: z.number().int().describe('dossiers to process in the period (carried over and newly received)'),
        kind: z.enum(['agency', 'province']),
        id: z.string(),
        name: z.string(),
        scope: z.enum(['province', 'commune']),
        payments: z
          .object({ feeBearing: z.number().int(), paidOnline: z.number().int(), paidAtCounter: z.number().int() })
          .nullable()
          .describe('Fee-bearing dossiers received in the period, paid online and at the counter (null: no data)'),
        result: z.looseObject({
          groups: z.array(
            z.looseObject({
              key: z.string(),
              no: z.number().int(),
              name: z.string(),
              max: z.number(),
              maxAvailable: z.number(),
              score: z.number(),
              indicators: z.array(Indicator),
            }),
          ),
          score: z.number(),
          maxAvailable: z.number(),
          maxFull: z.number(),
          percentOfAvailable: z.number().nullable(),
          adjustment: Text,
        }),
      }),
    ),
    minDossiersToRank: z
      .number()
      .int()
      .describe(
        'the installation setting MOTCUA_766_MIN_DOSSIERS: dossiers a unit needs in the period to be ranked (Decision 766 sets no threshold)',
      ),
    notHeld: z.array(z.looseObject({ code: z.string(), name: z.string(), max: z.number(), reason: Text })),
    notes: z.array(Text),
  })
  .meta({ id: 'ServiceIndexReport' });

export const FigureDossier = z
  .looseObject({
    source: z.enum(['engine', 'history']),
    code: z.string(),
    procedureName: z.string().nullable(),
    agencyName: z.string().nullable(),
    channel: z.string(),
    status: z.string(),
    receivedAt: z.string().nullable(),
    legalDueAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    completionClass: z.string().nullable(),
  })
  .meta({ id: 'FigureDossier' });

export const FigureDossiers = z.object({ items: z.array(FigureDossier), nextCursor: z.string().nullable() });

const StepOverrun = z.looseObject({
  stepNo: z.number().int(),
  stepName: z.string(),
  role: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  allotmentMinutes: z.number(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  overrunMinutes: z.number().describe('Working minutes past the step’s due instant (1 working day = 480)'),
  overrunWorkingDays: z.number(),
  running: z.boolean().describe('An active step measured up to now'),
});

export const LatenessReport = z
  .looseObject({
    period: z.looseObject({ from: z.string(), to: z.string(), asOf: z.string() }),
    agencies: z.array(
      z.looseObject({
        agencyId: z.string(),
        agencyName: z.string(),
        steps: z.number().int(),
        dossiers: z.number().int(),
        totalOverrunMinutes: z.number(),
        maxOverrunMinutes: z.number(),
        averageOverrunMinutes: z.number(),
        totalOverrunWorkingDays: z.number(),
      }),
    ),
    dossiers: z.array(
      z.looseObject({
        code: z.string(),
        procedureName: z.string(),
        completionClass: z.string().nullable(),
        legalDueAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        overruns: z.array(StepOverrun),
        totalOverrunMinutes: z.number(),
      }),
    ),
    nextCursor: z.string().nullable(),
    notes: z.array(Text),
  })
  .meta({ id: 'LatenessReport' });

/** One line of the tracking book as printed (Circular 01/2018 Mẫu 06 columns). */
const TrackingBookLine = z.looseObject({
  index: z.number().int(),
  dossierCode: z.string(),
  summary: z.string(),
  sets: z.number().int(),
  applicantName: z.string(),
  address: z.string(),
  phone: z.string().optional(),
  receivedAt: z.string().describe('HH:mm dd/MM/yyyy'),
  appointment: z.string().describe('HH:mm dd/MM/yyyy'),
  returnedAt: z.string().optional(),
  receiver: z.string(),
  note: z.string().optional(),
});

export const TrackingBookPage = z
  .looseObject({
    agency: z.looseObject({ id: z.string(), code: z.string(), name: z.string() }),
    period: z.looseObject({ from: z.string(), to: z.string(), label: z.string() }),
    items: z.array(TrackingBookLine),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TrackingBookPage' });
