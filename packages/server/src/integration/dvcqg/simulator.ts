import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { REFERENCE_DATA_DIR } from '@motcua/db';
import {
  DVCQG_ERROR_CODES,
  DvcqgAuthRequestSchema,
  type DvcqgDossierRecord,
  type DvcqgProcedureRecord,
  DvcqgProcedureRecordSchema,
  type DvcqgProgressRecord,
  DvcqgServiceRequestSchema,
  describeDvcqgIssue,
  toDvcqgProcedureRecord,
} from '@motcua/domain';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

/**
 * A simulator of the national public-service portal (Cổng DVCQG) for tests, the demo and
 * `npx motcua simulate dvcqg`. It answers the wire contract of packages/domain/src/dvcqg/protocol.ts as we
 * understand the portal (../shared/spec/regulations.md §7, reform-and-eoffice.md §F; no official specification
 * was available, so the error codes are DVCQG_ERROR_CODES, our assumption):
 *
 * - `POST /auth` `{ username, password }` → `{ error_code: 0, session }`; sessions expire after `sessionTtlMs`;
 *   a call with an expired or unknown session answers error_code "401".
 * - `POST /service` (header `dstcode`) `{ service, …, session, madonvi }`:
 *   DongBoHoSoMC stores dossiers by MaHoSo: isUpdating = false for a MaHoSo it holds answers "409" "Hồ sơ đã tồn
 *   tại" (a provincial system resends such a dossier as an update); isUpdating = true for one it does not hold
 *   answers "404". CapNhatTienDoHoSoMC needs the dossier first ("404" otherwise) and stores progress records keyed
 *   by (MaHoSo, ThoiDiemXuLy, TrangThai): the same record again is answered as accepted and COUNTED as a duplicate
 *   (the sender delivered it twice); the same key with other content replaces the stored step (counted as a
 *   progress update). A message failing validation answers "400" naming the field (never its value).
 *   LayDanhSachTTHC / LayThuTuc / TraCuuHoSo answer from the catalog and the stored dossiers.
 * - Control API under `/_sim` (not part of the portal): `POST /_sim/mode` `{ mode, delayMs?, forSeconds? }`,
 *   `GET /_sim/stats`, `GET /_sim/dossiers`, `GET /_sim/dossiers/:code`, `POST /_sim/reset`,
 *   `POST /_sim/sessions/expire`, `GET /_sim/catalog`, `PUT /_sim/catalog/:code` (add or replace a procedure),
 *   `PATCH /_sim/catalog/:code` (change some of its fields), `POST /_sim/catalog/:code/abolish` (TRANGTHAI 0).
 *
 * Modes (the portal endpoints only; the control API always answers): `ok`; `slow`: stores, then waits `delayMs`
 * before answering (a client's timeout after the portal stored the message: its retry must be recognised as an
 * update); `fail`: HTTP 500 `{ error_code: "500" }` without storing; `reject`: every message answered "400"
 * without storing; `down`: HTTP 503 with a plain-text body, as a gateway in front of a stopped portal answers
 * (with `drop: true` the connection is reset instead, as when nothing listens). `forSeconds` returns to `ok`.
 */

export type DvcqgSimulatorMode = 'ok' | 'slow' | 'fail' | 'reject' | 'down';

export type DvcqgSimulatorOptions = {
  username?: string;
  password?: string;
  /** When set, a call whose `dstcode` header differs is refused ("400"). Any non-empty header otherwise. */
  dstCode?: string;
  /** Sessions expire this long after authentication (default 30 minutes). */
  sessionTtlMs?: number;
  /** The catalog served by LayDanhSachTTHC / LayThuTuc (default: DEFAULT_SIMULATOR_PROCEDURE_CODES). */
  catalog?: DvcqgProcedureRecord[];
  /** Milliseconds since the epoch (tests move it to expire sessions). */
  now?: () => number;
  logger?: boolean;
};

export const DEFAULT_SIMULATOR_USERNAME = 'motcua';
export const DEFAULT_SIMULATOR_PASSWORD = 'motcua-sim';

/**
 * The procedures the simulator's catalog serves by default: those the demo province has adopted (the demo
 * catalog, packages/server/src/seed/demo-procedures.ts) and a few more, read from the real national data in
 * reference-data/tthc-catalog.json and written in the portal's LayThuTuc shape.
 */
export const DEFAULT_SIMULATOR_PROCEDURE_CODES = [
  '1.001193',
  '1.000894',
  '1.000656',
  '1.001022',
  '1.000689',
  '1.004873',
  '1.004859',
  '1.004884',
] as const;

/** The simulator's default catalog, read from reference-data/tthc-catalog.json. */
export const readSimulatorCatalog = (
  codes: readonly string[] = DEFAULT_SIMULATOR_PROCEDURE_CODES,
): DvcqgProcedureRecord[] => {
  const file = JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'tthc-catalog.json'), 'utf8')) as {
    procedures: { code: string }[];
  };
  const byCode = new Map(file.procedures.map((record) => [record.code, record]));
  return codes.flatMap((code) => {
    const converted = toDvcqgProcedureRecord(byCode.get(code));
    return converted === undefined ? [] : [converted];
  });
};

/** One message the simulator accepted, in the order it arrived. */
export type SimulatorReceived = {
  /** Order of arrival over all dossiers (1, 2, …). */
  n: number;
  service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
  isUpdating: boolean | null;
  /** TrangThaiHoSo of a dossier message, TrangThai of a progress one. */
  status: number;
  /** True when the message changed nothing the portal held (an identical update or a duplicate progress). */
  repeat: boolean;
  at: string;
};

export type SimulatorDossier = {
  MaHoSo: string;
  record: DvcqgDossierRecord;
  /** Every version of the dossier record accepted, oldest first. */
  versions: DvcqgDossierRecord[];
  progress: DvcqgProgressRecord[];
  received: SimulatorReceived[];
};

export type SimulatorStats = {
  /** Portal messages answered with error_code 0 (authentication excluded). */
  accepted: number;
  /** Portal messages refused (validation, "đã tồn tại", unknown dossier, reject mode, bad session). */
  rejected: number;
  /** Calls answered 5xx (fail and down modes). */
  failed: number;
  /** Progress records received again with content already stored: must stay 0 for an exactly-once sender. */
  duplicates: number;
  /** Dossier updates identical to the stored record (harmless for the portal: the record is keyed by MaHoSo). */
  identicalUpdates: number;
  /** Progress records whose key was stored with other content (the stored step was replaced). */
  progressUpdates: number;
  alreadyExists: number;
  sessionsIssued: number;
  sessionsRefused: number;
  dossiers: number;
  progressRecords: number;
  mode: DvcqgSimulatorMode;
};

type State = {
  mode: DvcqgSimulatorMode;
  delayMs: number;
  drop: boolean;
  modeUntil: number | null;
  sessions: Map<string, number>;
  dossiers: Map<string, SimulatorDossier>;
  progressKeys: Map<string, DvcqgProgressRecord>;
  catalog: Map<string, DvcqgProcedureRecord>;
  received: number;
  counters: Omit<SimulatorStats, 'dossiers' | 'progressRecords' | 'mode'>;
};

const emptyCounters = (): State['counters'] => ({
  accepted: 0,
  rejected: 0,
  failed: 0,
  duplicates: 0,
  identicalUpdates: 0,
  progressUpdates: 0,
  alreadyExists: 0,
  sessionsIssued: 0,
  sessionsRefused: 0,
});

const MODES: readonly DvcqgSimulatorMode[] = ['ok', 'slow', 'fail', 'reject', 'down'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const createDvcqgSimulator = (options: DvcqgSimulatorOptions = {}): FastifyInstance => {
  const username = options.username ?? DEFAULT_SIMULATOR_USERNAME;
  const password = options.password ?? DEFAULT_SIMULATOR_PASSWORD;
  const sessionTtlMs = options.sessionTtlMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  const initialCatalog = options.catalog ?? readSimulatorCatalog();

  const state: State = {
    mode: 'ok',
    delayMs: 0,
    drop: false,
    modeUntil: null,
    sessions: new Map(),
    dossiers: new Map(),
    progressKeys: new Map(),
    catalog: new Map(),
    received: 0,
    counters: emptyCounters(),
  };
  const resetCatalog = () => {
    state.catalog = new Map(initialCatalog.map((record) => [record.MATTHC, structuredClone(record)]));
  };
  resetCatalog();

  const currentMode = (): DvcqgSimulatorMode => {
    if (state.modeUntil !== null && now() >= state.modeUntil) {
      state.mode = 'ok';
      state.modeUntil = null;
      state.drop = false;
    }
    return state.mode;
  };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 20 * 1024 * 1024 });

  const refuse = (code: string, message: string) => {
    state.counters.rejected += 1;
    return { error_code: code, message };
  };

  /** Answers for the down and fail modes; undefined when the portal works. */
  const outage = (reply: FastifyReply): FastifyReply | undefined => {
    const mode = currentMode();
    if (mode === 'down') {
      state.counters.failed += 1;
      if (state.drop) {
        reply.hijack();
        reply.raw.socket?.destroy();
        return reply;
      }
      return reply.code(503).type('text/plain; charset=utf-8').send('503 Service Unavailable');
    }
    if (mode === 'fail') {
      state.counters.failed += 1;
      return reply.code(500).send({ error_code: '500', message: 'Lỗi hệ thống (trình mô phỏng: chế độ fail)' });
    }
    return undefined;
  };

  const answer = async (reply: FastifyReply, body: Record<string, unknown>) => {
    if (currentMode() === 'slow') {
      await sleep(state.delayMs);
    }
    return reply.code(200).send(body);
  };

  app.post('/auth', async (request, reply) => {
    const down = outage(reply);
    if (down) {
      return down;
    }
    const parsed = DvcqgAuthRequestSchema.safeParse(request.body);
    if (!parsed.success || parsed.data.username !== username || parsed.data.password !== password) {
      state.counters.sessionsRefused += 1;
      return answer(reply, {
        error_code: DVCQG_ERROR_CODES.SESSION_INVALID,
        message: 'Sai tên đăng nhập hoặc mật khẩu',
      });
    }
    const session = randomUUID();
    state.sessions.set(session, now() + sessionTtlMs);
    state.counters.sessionsIssued += 1;
    return answer(reply, { error_code: 0, session, message: 'Thành công' });
  });

  const storeDossiers = (isUpdating: boolean, records: DvcqgDossierRecord[]): Record<string, unknown> => {
    for (const record of records) {
      const held = state.dossiers.has(record.MaHoSo);
      if (!isUpdating && held) {
        state.counters.alreadyExists += 1;
        return refuse(DVCQG_ERROR_CODES.ALREADY_EXISTS, `Hồ sơ ${record.MaHoSo} đã tồn tại`);
      }
      if (isUpdating && !held) {
        return refuse(DVCQG_ERROR_CODES.NOT_FOUND, `Hồ sơ ${record.MaHoSo} không tồn tại để cập nhật`);
      }
    }
    for (const record of records) {
      const held = state.dossiers.get(record.MaHoSo);
      const repeat = held !== undefined && isDeepStrictEqual(held.record, record);
      if (repeat) {
        state.counters.identicalUpdates += 1;
      }
      const dossier = held ?? { MaHoSo: record.MaHoSo, record, versions: [], progress: [], received: [] };
      dossier.record = record;
      dossier.versions.push(record);
      state.received += 1;
      dossier.received.push({
        n: state.received,
        service: 'DongBoHoSoMC',
        isUpdating,
        status: record.TrangThaiHoSo,
        repeat,
        at: new Date(now()).toISOString(),
      });
      state.dossiers.set(record.MaHoSo, dossier);
    }
    state.counters.accepted += 1;
    return { error_code: 0, message: 'Thành công' };
  };

  const storeProgress = (records: DvcqgProgressRecord[]): Record<string, unknown> => {
    for (const record of records) {
      if (!state.dossiers.has(record.MaHoSo)) {
        return refuse(DVCQG_ERROR_CODES.NOT_FOUND, `Hồ sơ ${record.MaHoSo} chưa được đồng bộ`);
      }
    }
    for (const record of records) {
      const dossier = state.dossiers.get(record.MaHoSo) as SimulatorDossier;
      const key = `${record.MaHoSo}|${record.ThoiDiemXuLy}|${record.TrangThai}`;
      const stored = state.progressKeys.get(key);
      const repeat = stored !== undefined && isDeepStrictEqual(stored, record);
      if (repeat) {
        state.counters.duplicates += 1;
      } else if (stored !== undefined) {
        state.counters.progressUpdates += 1;
        dossier.progress[dossier.progress.indexOf(stored)] = record;
        state.progressKeys.set(key, record);
      } else if (stored === undefined) {
        dossier.progress.push(record);
        state.progressKeys.set(key, record);
      }
      state.received += 1;
      dossier.received.push({
        n: state.received,
        service: 'CapNhatTienDoHoSoMC',
        isUpdating: null,
        status: record.TrangThai,
        repeat,
        at: new Date(now()).toISOString(),
      });
    }
    state.counters.accepted += 1;
    return { error_code: 0, message: 'Thành công' };
  };

  app.post('/service', async (request, reply) => {
    const down = outage(reply);
    if (down) {
      return down;
    }
    const body = isObject(request.body) ? request.body : {};
    const dstcode = request.headers.dstcode;
    if (
      typeof dstcode !== 'string' ||
      dstcode === '' ||
      (options.dstCode !== undefined && dstcode !== options.dstCode)
    ) {
      return answer(reply, refuse(DVCQG_ERROR_CODES.INVALID, 'dstcode: thiếu hoặc không đúng mã đơn vị kết nối'));
    }
    const expiresAt = typeof body.session === 'string' ? state.sessions.get(body.session) : undefined;
    if (expiresAt === undefined || expiresAt <= now()) {
      state.counters.sessionsRefused += 1;
      state.counters.rejected += 1;
      return answer(reply, {
        error_code: DVCQG_ERROR_CODES.SESSION_INVALID,
        message: 'Phiên làm việc hết hạn hoặc không hợp lệ',
      });
    }
    const parsed = DvcqgServiceRequestSchema.safeParse(body);
    if (!parsed.success) {
      const { field, problem } = describeDvcqgIssue(parsed.error);
      return answer(reply, refuse(DVCQG_ERROR_CODES.INVALID, `${field}: ${problem}`));
    }
    const message = parsed.data;
    if (currentMode() === 'reject') {
      return answer(reply, refuse(DVCQG_ERROR_CODES.INVALID, 'Bản tin bị từ chối (trình mô phỏng: chế độ reject)'));
    }
    switch (message.service) {
      case 'DongBoHoSoMC':
        return answer(reply, storeDossiers(message.isUpdating, message.data));
      case 'CapNhatTienDoHoSoMC':
        return answer(reply, storeProgress(message.data));
      case 'TraCuuHoSo': {
        const dossier = state.dossiers.get(message.MaHoSo);
        if (!dossier) {
          return answer(reply, refuse(DVCQG_ERROR_CODES.NOT_FOUND, `Không tìm thấy hồ sơ ${message.MaHoSo}`));
        }
        state.counters.accepted += 1;
        return answer(reply, {
          error_code: 0,
          message: 'Thành công',
          data: dossier.record,
          progress: dossier.progress,
        });
      }
      case 'LayDanhSachTTHC': {
        const pageSize = message.pageSize ?? 100;
        const page = message.page ?? 1;
        const all = [...state.catalog.values()];
        state.counters.accepted += 1;
        return answer(reply, {
          error_code: 0,
          message: 'Thành công',
          total: all.length,
          data: all
            .slice((page - 1) * pageSize, page * pageSize)
            .map((record) => ({ MATTHC: record.MATTHC, TENTTHC: record.TENTTHC, TRANGTHAI: record.TRANGTHAI })),
        });
      }
      case 'LayThuTuc': {
        const record = state.catalog.get(message.maTTHC);
        if (!record) {
          return answer(reply, refuse(DVCQG_ERROR_CODES.NOT_FOUND, `Không tìm thấy thủ tục ${message.maTTHC}`));
        }
        state.counters.accepted += 1;
        return answer(reply, { error_code: 0, message: 'Thành công', data: record });
      }
    }
  });

  // --- control API ------------------------------------------------------------------------------------

  const stats = (): SimulatorStats => ({
    ...state.counters,
    dossiers: state.dossiers.size,
    progressRecords: state.progressKeys.size,
    mode: currentMode(),
  });

  app.post('/_sim/mode', async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    const mode = body.mode as DvcqgSimulatorMode;
    if (!MODES.includes(mode)) {
      return reply.code(400).send({ error: `mode must be one of ${MODES.join(', ')}` });
    }
    state.mode = mode;
    state.delayMs = typeof body.delayMs === 'number' && body.delayMs >= 0 ? body.delayMs : 5000;
    state.drop = body.drop === true;
    state.modeUntil =
      typeof body.forSeconds === 'number' && body.forSeconds > 0 && mode !== 'ok'
        ? now() + body.forSeconds * 1000
        : null;
    return { mode, delayMs: state.delayMs, drop: state.drop, until: state.modeUntil };
  });

  app.get('/_sim/stats', async () => stats());

  app.get('/_sim/dossiers', async () =>
    [...state.dossiers.values()].map((dossier) => ({
      MaHoSo: dossier.MaHoSo,
      TrangThaiHoSo: dossier.record.TrangThaiHoSo,
      versions: dossier.versions.length,
      progress: dossier.progress.length,
      received: dossier.received.length,
    })),
  );

  app.get('/_sim/dossiers/:code', async (request, reply) => {
    const dossier = state.dossiers.get((request.params as { code: string }).code);
    return dossier ?? reply.code(404).send({ error: 'not found' });
  });

  app.post('/_sim/reset', async () => {
    state.mode = 'ok';
    state.modeUntil = null;
    state.drop = false;
    state.sessions.clear();
    state.dossiers.clear();
    state.progressKeys.clear();
    state.received = 0;
    state.counters = emptyCounters();
    resetCatalog();
    return stats();
  });

  app.post('/_sim/sessions/expire', async () => {
    const expired = state.sessions.size;
    state.sessions.clear();
    return { expired };
  });

  app.get('/_sim/catalog', async () => [...state.catalog.values()]);

  app.put('/_sim/catalog/:code', async (request, reply) => {
    const code = (request.params as { code: string }).code;
    const parsed = DvcqgProcedureRecordSchema.safeParse(request.body);
    if (!parsed.success || parsed.data.MATTHC !== code) {
      const problem = parsed.success
        ? { field: 'MATTHC', problem: 'must equal the code in the path' }
        : describeDvcqgIssue(parsed.error);
      return reply.code(400).send({ error: `${problem.field}: ${problem.problem}` });
    }
    const created = !state.catalog.has(code);
    state.catalog.set(code, parsed.data);
    return reply.code(created ? 201 : 200).send(parsed.data);
  });

  app.patch('/_sim/catalog/:code', async (request, reply) => {
    const code = (request.params as { code: string }).code;
    const held = state.catalog.get(code);
    if (!held) {
      return reply.code(404).send({ error: 'not found' });
    }
    const parsed = DvcqgProcedureRecordSchema.safeParse({
      ...held,
      ...(isObject(request.body) ? request.body : {}),
      MATTHC: code,
    });
    if (!parsed.success) {
      const { field, problem } = describeDvcqgIssue(parsed.error);
      return reply.code(400).send({ error: `${field}: ${problem}` });
    }
    state.catalog.set(code, parsed.data);
    return parsed.data;
  });

  app.post('/_sim/catalog/:code/abolish', async (request, reply) => {
    const held = state.catalog.get((request.params as { code: string }).code);
    if (!held) {
      return reply.code(404).send({ error: 'not found' });
    }
    held.TRANGTHAI = 0;
    return held;
  });

  return app;
};
