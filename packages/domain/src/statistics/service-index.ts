/**
 * Decision 766/QĐ-TTg (23/06/2022): the index of service quality to citizens and businesses in
 * handling administrative procedures and public services, as computed on dichvucong.gov.vn
 * ("Công thức 766", sheet METRICS; regulations brief §4 — a secondary source, read from
 * ChippedTopaz/qd766 docs/metrics.m0.json). Six groups, 100 points for a province.
 *
 * motcua computes an indicator only from data it holds. An indicator whose data it does not hold
 * is shown as "chưa có dữ liệu" with the reason, scores nothing and is taken out of the maximum —
 * never guessed. Indicators marked not applicable at commune level are awarded their maximum there
 * (regulations brief §4: "Not applicable at commune level: 6, 8, 9, 16, 17 (maximum awarded)").
 */

import { computeDossierSyncRatio, type DossierSyncCounts, describeOnTimeRule } from '../dvcqg/monitor.js';
import {
  computePaknOnTimeRatio,
  computePaknSatisfactionRatio,
  type PaknIndicatorCounts,
} from '../pakn/pakn-indicators.js';
import {
  type AggregateSums,
  buildStatisticsFigures,
  computePercent,
  type Percentage,
  type ReportText,
} from './figures.js';

export type ServiceIndexScope = 'province' | 'commune';

/**
 * Decision 766 group 6 inputs, counted from the dossiers received in the period (not from the
 * aggregates): fee-bearing dossiers, and of them those paid online and at the counter.
 */
export type PaymentCounts = { feeBearing: number; paidOnline: number; paidAtCounter: number };

/**
 * Decision 766 indicator 23 input: of the dossiers resolved in the period and not late, those the
 * applicant rated "Không hài lòng" overall (the per-dossier rating, portal/rating.ts). Late ones are
 * not counted here: the formula subtracts them already (a dossier counts once).
 */
export type RatingCounts = { dissatisfiedNotLate: number };

/**
 * Decision 766 indicator 11 input: of the dossiers resolved in the period, those whose result document motcua
 * signed digitally (document_signature with the dossier — issue 19). Given only for units that hold a signing
 * certificate in motcua: elsewhere results are not signed here and the indicator stays without data.
 */
export type SignedResultCounts = { signedResults: number };

/**
 * How motcua gets an indicator: computed from its aggregates, computed from its payment counts
 * (no data when they were not read, e.g. for imported units), or not held (with why).
 */
type IndicatorSource =
  | { kind: 'computed'; compute: (sums: AggregateSums) => { numerator: number; base: number } }
  | {
      kind: 'payments';
      compute: (counts: PaymentCounts) => { numerator: number; base: number };
      reasonWithout: ReportText;
    }
  | {
      kind: 'ratings';
      compute: (sums: AggregateSums, ratings: RatingCounts) => { numerator: number; base: number };
      reasonWithout: ReportText;
    }
  | { kind: 'no_data'; reason: ReportText }
  /** From the results motcua signed (no data for a unit without a signing certificate). */
  | {
      kind: 'signed_results';
      compute: (sums: AggregateSums, results: SignedResultCounts) => { numerator: number; base: number };
      reasonWithout: ReportText;
    }
  /**
   * From the national portal's sync log (packages/domain/src/dvcqg/monitor.ts); no data where the province has not
   * switched the sync on.
   */
  | {
      kind: 'dossier_sync';
      compute: (counts: DossierSyncCounts) => { numerator: number; base: number };
      reasonWithout: ReportText;
    }
  /** From the PAKN register (packages/domain/src/pakn); full marks when the unit had no PAKN in the base. */
  | {
      kind: 'pakn';
      compute: (counts: PaknIndicatorCounts) => { numerator: number; base: number };
      reasonWithout: ReportText;
    };

export type ServiceIndicatorDefinition = {
  /** Row number in the METRICS sheet (the "stt" the sources cite). */
  stt: number;
  code: string;
  name: string;
  max: number;
  /** Levels it applies to; elsewhere its maximum is awarded. */
  appliesTo: readonly ServiceIndexScope[];
  formula: string;
  /** Ratio at which the full maximum is reached (e.g. 0.8 for "full at 80%"); 1 when linear to 100%. */
  fullAt: number;
  source: IndicatorSource;
  /** A dossier list backs the score (drill-down). */
  drillDown?: 'progress' | 'online_full' | 'data_reuse';
};

export type ServiceGroupDefinition = {
  key: string;
  no: number;
  name: string;
  max: number;
  indicators: ServiceIndicatorDefinition[];
};

const BOTH: readonly ServiceIndexScope[] = ['province', 'commune'];
const PROVINCE_ONLY: readonly ServiceIndexScope[] = ['province'];

const noData = (vi: string, en: string): IndicatorSource => ({ kind: 'no_data', reason: { vi, en } });

export const SERVICE_INDEX_GROUPS: readonly ServiceGroupDefinition[] = [
  {
    key: 'transparency',
    no: 1,
    name: 'Công khai, minh bạch',
    max: 18,
    indicators: [
      {
        stt: 1,
        code: 'PUBLISH_ON_TIME',
        name: 'Tỷ lệ thủ tục hành chính công bố đúng hạn',
        max: 6,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Số TTHC công bố đúng hạn / Tổng số TTHC phải thực hiện công bố trong kỳ theo quy định về kiểm soát TTHC × 100',
        source: noData(
          'motcua chưa lưu thời hạn phải công bố của từng TTHC (ngày văn bản quy phạm pháp luật có hiệu lực và ngày quyết định công bố).',
          'motcua does not hold the date each procedure had to be published by (the law’s entry into force and the publication decision).',
        ),
      },
      {
        stt: 2,
        code: 'PUBLIC_UPDATE_ON_TIME',
        name: 'Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn',
        max: 4,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Số TTHC cập nhật, công khai đúng hạn trên CSDLQG về TTHC / Tổng số TTHC phải cập nhật, công khai trên CSDLQG về TTHC trong kỳ × 100',
        source: noData(
          'Việc cập nhật diễn ra trên Cơ sở dữ liệu quốc gia về TTHC, không trong motcua.',
          'Updates are made in the National Procedure Database, not in motcua.',
        ),
      },
      {
        stt: 3,
        code: 'PUBLIC_CONTENT_FULL',
        name: 'Tỷ lệ TTHC được công khai có đầy đủ các nội dung quy định về các bộ phận tạo thành của TTHC',
        max: 2,
        appliesTo: BOTH,
        fullAt: 1,
        formula: 'Số TTHC công bố, công khai đúng quy định / Tổng số TTHC được công bố, công khai trong kỳ × 100',
        source: noData(
          'Việc đối chiếu nội dung công khai với văn bản quy phạm pháp luật do CSDLQG về TTHC thực hiện; motcua chưa có kết quả đối chiếu đó.',
          'Checking published content against the legal texts is done by the National Procedure Database; motcua does not hold its result.',
        ),
      },
      {
        stt: 4,
        code: 'DOSSIER_SYNC',
        name: 'Tỷ lệ hồ sơ được đồng bộ trạng thái theo thời gian thực với Cổng Dịch vụ công quốc gia',
        max: 6,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Số hồ sơ đồng bộ đúng hạn các thông tin tiến trình / Tổng số hồ sơ tiếp nhận hoặc đang giải quyết hoặc trả kết quả trong kỳ × 100',
        // Synced on time: every change in the period accepted by the portal (both messages) within the province's
        // on_time_minutes — motcua's rule, the national one was not found (dvcqg/monitor.ts, docs/integration.md).
        source: {
          kind: 'dossier_sync',
          compute: computeDossierSyncRatio,
          reasonWithout: {
            vi: 'tỉnh chưa bật đồng bộ hồ sơ với Cổng DVCQG (Tích hợp → Kết nối Cổng Dịch vụ công quốc gia), nên chưa có nhật ký đồng bộ.',
            en: 'the province has not switched on the dossier sync to the national portal, so there is no sync log.',
          },
        },
      },
    ],
  },
  {
    key: 'progress',
    no: 2,
    name: 'Tiến độ giải quyết',
    max: 20,
    indicators: [
      {
        stt: 5,
        code: 'PROGRESS_ON_TIME',
        name: 'Tỷ lệ hồ sơ xử lý đúng hạn (trước hạn, đúng hạn)',
        max: 20,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số hồ sơ đã xử lý và đang xử lý trước hạn, đúng hạn và trong hạn trong kỳ / Tổng số hồ sơ tiếp nhận và xử lý trong kỳ × 100',
        source: {
          kind: 'computed',
          compute: (sums) => {
            const f = buildStatisticsFigures(sums);
            return {
              numerator: f.resolvedEarly + f.resolvedOnTime + f.inProgressNotDue,
              base: f.resolved + f.inProgress,
            };
          },
        },
        drillDown: 'progress',
      },
    ],
  },
  {
    key: 'online',
    no: 3,
    name: 'Dịch vụ công trực tuyến',
    max: 12,
    indicators: [
      {
        stt: 6,
        code: 'ONLINE_FULL_DOSSIERS',
        name: 'Tỷ lệ hồ sơ DVCTT toàn trình trên tổng số hồ sơ của TTHC đủ điều kiện cung cấp toàn trình',
        max: 12,
        appliesTo: PROVINCE_ONLY,
        fullAt: 1,
        formula:
          'Tổng số hồ sơ trực tuyến toàn trình / Tổng số hồ sơ được tiếp nhận của các TTHC đủ điều kiện thực hiện DVCTT toàn trình × 100',
        source: {
          kind: 'computed',
          compute: (sums) => ({ numerator: sums.fullOnlineOnline, base: sums.fullOnlineEligible }),
        },
        drillDown: 'online_full',
      },
    ],
  },
  {
    key: 'digitisation',
    no: 4,
    name: 'Số hóa hồ sơ',
    max: 22,
    indicators: [
      {
        stt: 11,
        code: 'ORIGINAL_RESULT_AVAILABLE',
        name: 'Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử có giá trị pháp lý',
        max: 6,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số hồ sơ có cấp kết quả điện tử có giá trị pháp lý / Tổng số hồ sơ đã hoàn thành, trả kết quả của các TTHC có quy định trả kết quả bằng văn bản, giấy tờ × 100',
        // Base: the dossiers resolved in the period (motcua does not know which procedures' results are
        // papers — all are counted [INF]); numerator: those with a result motcua signed digitally (Law on
        // E-Transactions 2023: a document digitally signed has the legal value of the signed original [RECALL]).
        source: {
          kind: 'signed_results',
          compute: (sums, results) => {
            const resolved = buildStatisticsFigures(sums).resolved;
            return { numerator: Math.min(results.signedResults, resolved), base: resolved };
          },
          reasonWithout: {
            vi: 'đơn vị chưa có chứng thư số trên motcua, nên kết quả không được ký số tại đây.',
            en: 'the unit holds no signing certificate in motcua, so its results are not signed here.',
          },
        },
      },
      {
        stt: 12,
        code: 'SO_HOA_GIAY_TO_GIAI_QUYET',
        name: 'Tỷ lệ hồ sơ TTHC thực hiện số hóa thành phần hồ sơ',
        max: 4,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Số hồ sơ được số hóa có kết nối, đồng bộ với danh mục hồ sơ của cá nhân, tổ chức trên Cổng DVCQG / Tổng số hồ sơ thuộc thẩm quyền × 100',
        source: noData(
          'motcua chưa kết nối kho dữ liệu số hóa của cá nhân, tổ chức trên Cổng DVCQG.',
          'motcua is not connected to the citizens’ digitised-document store of the national portal.',
        ),
      },
      {
        stt: 13,
        code: 'ELECTRONIC_CERTIFIED_COPY',
        name: 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
        max: 2,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số xã cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính / Tổng số xã thuộc thẩm quyền quản lý × 100',
        source: noData(
          'motcua chưa ghi nhận xã nào cung cấp dịch vụ chứng thực bản sao điện tử.',
          'motcua does not record which communes offer electronic certified copies.',
        ),
      },
      {
        stt: 14,
        code: 'REUSED_DIGITIZED_DATA',
        name: 'Tỷ lệ hồ sơ TTHC có thành phần hồ sơ được cắt giảm, thay thế dựa trên dữ liệu',
        max: 2,
        appliesTo: BOTH,
        // Regulations brief §4: "components replaced by data (2, full at 80%)".
        fullAt: 0.8,
        formula:
          'Tổng số hồ sơ có thành phần được cắt giảm, thay thế dựa trên dữ liệu / Tổng số hồ sơ được tiếp nhận của TTHC có thành phần hồ sơ được công bố cắt giảm, thay thế × 100 (đạt tối đa từ 80%)',
        source: {
          kind: 'computed',
          compute: (sums) => ({ numerator: sums.replaceableFromData, base: sums.replaceableEligible }),
        },
        drillDown: 'data_reuse',
      },
      {
        stt: 15,
        code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
        name: 'Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng',
        max: 4,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số hồ sơ có thành phần được thay thế hoàn toàn dựa trên dữ liệu / Tổng số TTHC có quy định thành phần có thể thay thế hoàn toàn dựa trên dữ liệu × 100',
        source: noData(
          'motcua chưa phân biệt thành phần được thay thế hoàn toàn với thay thế một phần, và chưa kết nối kho dữ liệu dùng chung.',
          'motcua does not tell fully from partly replaced components and is not connected to the shared data store.',
        ),
      },
      {
        stt: 16,
        code: 'CITIZEN_DATA_CONNECTED_DOSSIER',
        name: 'Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư',
        max: 2,
        appliesTo: PROVINCE_ONLY,
        fullAt: 1,
        formula:
          'Số TTHC đã tái cấu trúc quy trình và đã tái sử dụng dữ liệu / Tổng số TTHC có quy định thành phần có thể tái sử dụng dữ liệu từ CSDL quốc gia, chuyên ngành × 100',
        source: noData(
          'motcua chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.',
          'motcua is not connected to the National Population Database.',
        ),
      },
      {
        stt: 17,
        code: 'CITIZEN_DATA_CONNECTED_FORMALITY',
        name: 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC',
        max: 2,
        appliesTo: PROVINCE_ONLY,
        fullAt: 1,
        formula:
          'Tổng số TTHC đã xác định các trường thông tin tương ứng Hệ thống từ điển dữ liệu dùng chung / Tổng số TTHC thuộc phạm vi quản lý × 100',
        source: noData(
          'motcua chưa lưu danh mục trường thông tin theo Hệ thống từ điển dữ liệu dùng chung.',
          'motcua does not hold the field lists mapped to the shared data dictionary.',
        ),
      },
    ],
  },
  {
    key: 'satisfaction',
    no: 5,
    name: 'Mức độ hài lòng',
    max: 18,
    indicators: [
      {
        stt: 21,
        code: 'PETITION_PROCESSING_ON_TIME',
        name: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
        max: 6,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số PAKN xử lý đúng, trước hạn và đang xử lý trong hạn / Tổng số PAKN thuộc thẩm quyền tiếp nhận, xử lý × 100',
        source: {
          kind: 'pakn',
          compute: computePaknOnTimeRatio,
          reasonWithout: {
            vi: 'không đọc được sổ theo dõi PAKN của đơn vị.',
            en: 'the unit’s PAKN register was not read.',
          },
        },
      },
      {
        stt: 22,
        code: 'PETITION_HANDLING_SATISFACTION',
        name: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị',
        max: 6,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          '(Tổng số PAKN − số bị phản hồi không hài lòng hoặc tiếp tục phản ánh hoặc xử lý quá hạn) / Tổng số PAKN đã xử lý × 100',
        source: {
          kind: 'pakn',
          compute: computePaknSatisfactionRatio,
          reasonWithout: {
            vi: 'không đọc được sổ theo dõi PAKN của đơn vị.',
            en: 'the unit’s PAKN register was not read.',
          },
        },
      },
      {
        stt: 23,
        code: 'DOSSIER_RECEIVING_SATISFACTION',
        name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
        max: 6,
        appliesTo: BOTH,
        fullAt: 0.9,
        formula:
          '(Tổng số hồ sơ đã tiếp nhận, giải quyết − số hồ sơ có đánh giá không hài lòng hoặc có PAKN hoặc giải quyết quá hạn) / Tổng số hồ sơ đã tiếp nhận, giải quyết × 100 (đạt tối đa từ 90%)',
        // (resolved − rated dissatisfied − with a PAKN − late) / resolved. The dissatisfied are the per-dossier
        // ratings (overall "Không hài lòng"); PAKN are not linked to dossiers, so none is subtracted for them
        // [INF: a PAKN names a procedure, not a dossier — documented, to revisit when they are linked].
        source: {
          kind: 'ratings',
          compute: (sums, ratings) => {
            const f = buildStatisticsFigures(sums);
            return {
              numerator: Math.max(0, f.resolved - f.resolvedLate - ratings.dissatisfiedNotLate),
              base: f.resolved,
            };
          },
          reasonWithout: {
            vi: 'đơn vị này không có số liệu đánh giá theo hồ sơ (hồ sơ nhập từ hệ thống cũ).',
            en: 'this unit has no per-dossier rating data (dossiers imported from an older system).',
          },
        },
      },
    ],
  },
  {
    key: 'payment',
    no: 6,
    name: 'Thanh toán trực tuyến',
    max: 10,
    indicators: [
      {
        stt: 24,
        code: 'ONLINE_PAYMENT',
        name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
        max: 10,
        appliesTo: BOTH,
        fullAt: 1,
        formula:
          'Tổng số hồ sơ thanh toán phí, lệ phí và nghĩa vụ tài chính trực tuyến / Tổng số hồ sơ của các TTHC có thông tin phí, lệ phí trong CSDLQG về TTHC × 100',
        // Base: received dossiers of procedures with fee information (a published fee that is not
        // free) or asked to pay; numerator: those with a successful online payment. Payments at the
        // counter are counted beside it (PaymentCounts.paidAtCounter) but do not score.
        source: {
          kind: 'payments',
          compute: (counts) => ({ numerator: counts.paidOnline, base: counts.feeBearing }),
          reasonWithout: {
            vi: 'motcua chỉ biết việc thanh toán của hồ sơ tiếp nhận trong motcua; đơn vị này không có số liệu thanh toán.',
            en: 'motcua knows payments only of dossiers it received; this unit has no payment data.',
          },
        },
      },
    ],
  },
];

export const SERVICE_INDEX_FULL_MAX = 100;

export type IndicatorResult = {
  stt: number;
  code: string;
  name: string;
  formula: string;
  max: number;
  status: 'scored' | 'no_data' | 'not_applicable';
  /** Points, rounded to 2 decimals; null when there is no data. */
  score: number | null;
  ratio: Percentage | null;
  /** "chưa có dữ liệu" and why, or why the maximum is awarded. */
  note: ReportText | null;
  drillDown?: ServiceIndicatorDefinition['drillDown'];
};

export type GroupResult = {
  key: string;
  no: number;
  name: string;
  max: number;
  /** The maximum of the indicators motcua could score in this group. */
  maxAvailable: number;
  score: number;
  indicators: IndicatorResult[];
};

export type ServiceIndexResult = {
  scope: ServiceIndexScope;
  groups: GroupResult[];
  score: number;
  maxAvailable: number;
  maxFull: number;
  /** score / maxAvailable × 100: comparable across units when all are scored on the same indicators. */
  percentOfAvailable: number | null;
  noData: { code: string; name: string; max: number }[];
  adjustment: ReportText;
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

const NOT_APPLICABLE_NOTE: ReportText = {
  vi: 'Không áp dụng cho cấp xã: được tính điểm tối đa (QĐ 766).',
  en: 'Not applicable at commune level: the maximum is awarded (Decision 766).',
};

/**
 * Scores one unit (a province, a department or a commune) from its summed counters and, for the
 * online-payment group, its payment counts (no data without them).
 */
export const computeServiceIndex = (
  sums: AggregateSums,
  scope: ServiceIndexScope,
  payments?: PaymentCounts,
  ratings?: RatingCounts,
  /** The unit's PAKN counts for the two PAKN indicators (no data without them). */
  pakn?: PaknIndicatorCounts,
  /** The unit's digitally signed results (indicator 11; no data without them). */
  signedResults?: SignedResultCounts,
  /** The unit's counts from the national portal's sync log (indicator 4; no data without them). */
  dossierSync?: DossierSyncCounts,
): ServiceIndexResult => {
  const groups: GroupResult[] = SERVICE_INDEX_GROUPS.map((group) => {
    const indicators: IndicatorResult[] = group.indicators.map((definition) => {
      const base = {
        stt: definition.stt,
        code: definition.code,
        name: definition.name,
        formula: definition.formula,
        max: definition.max,
        ...(definition.drillDown ? { drillDown: definition.drillDown } : {}),
      };
      if (!definition.appliesTo.includes(scope)) {
        return { ...base, status: 'not_applicable', score: definition.max, ratio: null, note: NOT_APPLICABLE_NOTE };
      }
      const source = definition.source;
      const reason =
        source.kind === 'no_data'
          ? source.reason
          : source.kind === 'payments' && !payments
            ? source.reasonWithout
            : source.kind === 'ratings' && !ratings
              ? source.reasonWithout
              : source.kind === 'pakn' && !pakn
                ? source.reasonWithout
                : source.kind === 'signed_results' && !signedResults
                  ? source.reasonWithout
                  : source.kind === 'dossier_sync' && !dossierSync
                    ? source.reasonWithout
                    : null;
      if (reason) {
        return {
          ...base,
          status: 'no_data',
          score: null,
          ratio: null,
          note: { vi: `Chưa có dữ liệu: ${reason.vi}`, en: `No data: ${reason.en}` },
        };
      }
      const { numerator, base: denominator } =
        source.kind === 'payments' && payments
          ? source.compute(payments)
          : source.kind === 'ratings' && ratings
            ? source.compute(sums, ratings)
            : source.kind === 'pakn' && pakn
              ? source.compute(pakn)
              : source.kind === 'signed_results' && signedResults
                ? source.compute(sums, signedResults)
                : source.kind === 'dossier_sync' && dossierSync
                  ? source.compute(dossierSync)
                  : source.kind === 'computed'
                    ? source.compute(sums)
                    : { numerator: 0, base: 0 };
      const ratio: Percentage = {
        value: computePercent(numerator, denominator),
        numerator,
        base: denominator,
        label: { vi: definition.name, en: definition.code },
        baseLabel: { vi: definition.formula, en: definition.formula },
        rule: `QĐ 766/QĐ-TTg — ${definition.name}`,
      };
      if (denominator === 0 && source.kind === 'pakn') {
        // Decision 766: both PAKN indicators are awarded in full when the unit had no PAKN.
        return {
          ...base,
          status: 'scored',
          score: definition.max,
          ratio,
          note: {
            vi: 'Không phát sinh phản ánh, kiến nghị trong kỳ: được tính điểm tối đa (QĐ 766).',
            en: 'No PAKN in the period: the maximum is awarded (Decision 766).',
          },
        };
      }
      if (denominator === 0) {
        // No dossier in the base: there is nothing to score, and nothing is guessed — the indicator
        // leaves the maximum like one without data.
        return {
          ...base,
          status: 'no_data',
          score: null,
          ratio,
          note: {
            vi: 'Chưa có dữ liệu: không phát sinh hồ sơ thuộc mẫu số của chỉ tiêu trong kỳ.',
            en: 'No data: no dossier in the indicator’s base in the period.',
          },
        };
      }
      const share = Math.min(1, numerator / denominator / definition.fullAt);
      // The sync indicator says its "on time" rule beside the score (a province setting, not a national figure).
      const note = source.kind === 'dossier_sync' && dossierSync ? describeOnTimeRule(dossierSync.onTimeMinutes) : null;
      return { ...base, status: 'scored', score: round2(definition.max * share), ratio, note };
    });
    const scored = indicators.filter((i) => i.status !== 'no_data');
    return {
      key: group.key,
      no: group.no,
      name: group.name,
      max: group.max,
      maxAvailable: scored.reduce((sum, i) => sum + i.max, 0),
      score: round2(scored.reduce((sum, i) => sum + (i.score ?? 0), 0)),
      indicators,
    };
  });
  const maxAvailable = groups.reduce((sum, g) => sum + g.maxAvailable, 0);
  const score = round2(groups.reduce((sum, g) => sum + g.score, 0));
  const noDataList = groups.flatMap((g) =>
    g.indicators.filter((i) => i.status === 'no_data').map((i) => ({ code: i.code, name: i.name, max: i.max })),
  );
  const missing = SERVICE_INDEX_FULL_MAX - maxAvailable;
  return {
    scope,
    groups,
    score,
    maxAvailable,
    maxFull: SERVICE_INDEX_FULL_MAX,
    percentOfAvailable: maxAvailable === 0 ? null : round2((score / maxAvailable) * 100),
    noData: noDataList,
    adjustment: {
      vi: `${noDataList.length} chỉ tiêu chưa có dữ liệu (${missing} điểm) không được tính: điểm tối đa điều chỉnh còn ${maxAvailable}/${SERVICE_INDEX_FULL_MAX}.`,
      en: `${noDataList.length} indicators without data (${missing} points) are left out: the maximum is adjusted to ${maxAvailable}/${SERVICE_INDEX_FULL_MAX}.`,
    },
  };
};

/**
 * The maximum motcua can score a unit on when every computed indicator has dossiers in its base:
 * the indicators it computes plus those awarded at commune level.
 */
export const getHeldMaximum = (scope: ServiceIndexScope): number =>
  SERVICE_INDEX_GROUPS.flatMap((group) => group.indicators)
    .filter((indicator) => !indicator.appliesTo.includes(scope) || indicator.source.kind !== 'no_data')
    .reduce((sum, indicator) => sum + indicator.max, 0);
