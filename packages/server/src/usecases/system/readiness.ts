import { getSchemaVersion } from '@motcua/db';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

/**
 * Readiness (GET /readyz): the server is not shutting down, the database answers, and its schema is at
 * the migration version this build expects. Throws SERVICE_NOT_READY with the reason otherwise.
 */
export const checkReadiness = async (ctx: AppContext) => {
  if (ctx.state.shuttingDown) {
    throw new AppError('SERVICE_NOT_READY', {
      reason: { vi: 'Hệ thống đang dừng.', en: 'The server is shutting down.' },
    });
  }
  let version: number;
  try {
    version = await getSchemaVersion(ctx.database.pool);
  } catch {
    throw new AppError('SERVICE_NOT_READY', {
      reason: { vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database cannot be reached.' },
    });
  }
  if (version !== ctx.state.expectedMigrationVersion) {
    throw new AppError('SERVICE_NOT_READY', {
      reason: {
        vi: `Cơ sở dữ liệu ở phiên bản ${version}, cần ${ctx.state.expectedMigrationVersion}; hãy chạy "motcua migrate".`,
        en: `The database is at version ${version}, expected ${ctx.state.expectedMigrationVersion}; run "motcua migrate".`,
      },
    });
  }
  return { status: 'ready' as const, database: ctx.database.kind, migrationVersion: version };
};
