import { type Database, listCurrentProcedureVersionsPage } from '@motcua/db';
import type { Kysely, Transaction } from 'kysely';
import { EXPORT_FORMAT } from './import.js';

type Db = Kysely<Database> | Transaction<Database>;

export const EXPORT_PAGE_SIZE = 200;

/**
 * The current published versions of a catalog as one JSON document, produced page by page (by
 * code, keyset) so that neither the server nor the CLI ever holds the whole catalog in memory.
 * The document is motcua's own format: importing it back (`motcua import procedures`) restores the
 * same contents — the same hashes, so into the same catalog everything is `unchanged`.
 */
export async function* streamCatalogExport(
  db: Db,
  input: { catalog: string; now: Date; pageSize?: number; onPage?: (rows: number) => void },
): AsyncGenerator<string> {
  const header = { format: EXPORT_FORMAT, catalog: input.catalog, exportedAt: input.now.toISOString() };
  // The header without its closing brace, then the procedures array streamed into it.
  yield `${JSON.stringify(header).slice(0, -1)},"procedures":[`;
  let afterCode: string | null = null;
  let first = true;
  for (;;) {
    const page = await listCurrentProcedureVersionsPage(db, {
      catalog: input.catalog,
      afterCode,
      limit: input.pageSize ?? EXPORT_PAGE_SIZE,
    });
    if (page.length === 0) {
      break;
    }
    input.onPage?.(page.length);
    const parts = page.map((row) =>
      JSON.stringify({
        code: row.code,
        catalog: row.catalog,
        versionNo: row.versionNo,
        effectiveFrom: row.effectiveFrom,
        contentHash: row.contentHash,
        content: row.content,
      }),
    );
    yield `${first ? '\n' : ',\n'}${parts.join(',\n')}`;
    first = false;
    afterCode = page.at(-1)?.code ?? null;
  }
  yield '\n]}\n';
}
