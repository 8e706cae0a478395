import { listProcedureTemplates, listPublishedDecisionsOfProcedure } from '@motcua/db';
import { PROCEDURE_CHANGE_LABELS } from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { loadPublishedProcedure } from '../portal/browse/procedures.js';

const TYPE_BY_MEDIA: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

/** "DOCX" from a media type, else from the name's extension ("Mẫu số 01.doc" → "DOC"); null when neither says. */
const fileTypeOf = (name: string, mediaType?: string): string | null => {
  const byMedia = mediaType ? TYPE_BY_MEDIA[mediaType] : undefined;
  if (byMedia) {
    return byMedia;
  }
  const extension = /\.([a-z0-9]{2,5})$/i.exec(name.trim())?.[1];
  return extension ? extension.toUpperCase() : null;
};

export type ProcedureFormItem = {
  componentKey: string;
  componentName: string;
  name: string;
  fileName: string | null;
  fileType: string | null;
  sizeBytes: number | null;
  url: string | null;
};

/**
 * The forms (mẫu đơn, tờ khai) of a procedure as its public page lists them: every component that has a form,
 * with the form's name and file type. A form the province uploaded links to its file; a form the catalog only
 * names (the national data gives TENMAUDON without a file) is listed by name, without a link — the page does
 * not pretend a file exists. The catalog itself keeps only that name (Component.templateName); uploaded files
 * are procedure_template rows.
 */
export const listProcedureForms = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const { procedure, content } = await loadPublishedProcedure(ctx, input);
  const templates = new Map((await listProcedureTemplates(ctx.db, procedure.id)).map((t) => [t.componentKey, t]));
  const base = `/api/v1/public/procedures/${encodeURIComponent(procedure.code)}/templates`;
  const items = content.components
    .filter((component) => component.group !== 'note')
    .flatMap((component): ProcedureFormItem[] => {
      const uploaded = templates.get(component.key);
      if (uploaded) {
        return [
          {
            componentKey: component.key,
            componentName: component.name,
            name: component.templateName ?? uploaded.fileName,
            fileName: uploaded.fileName,
            fileType: fileTypeOf(uploaded.fileName, uploaded.mediaType),
            sizeBytes: Number(uploaded.sizeBytes),
            url: `${base}/${component.key}?catalog=${procedure.catalog}`,
          },
        ];
      }
      if (component.templateName) {
        return [
          {
            componentKey: component.key,
            componentName: component.name,
            name: component.templateName,
            fileName: null,
            fileType: fileTypeOf(component.templateName),
            sizeBytes: null,
            url: null,
          },
        ];
      }
      return [];
    });
  return { catalog: procedure.catalog, code: procedure.code, name: procedure.name, items };
};

/** The published decisions that changed a procedure (abolished ones too: the page stays as history). */
export const listDecisionsOfProcedure = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const rows = await listPublishedDecisionsOfProcedure(ctx.db, { catalog: input.catalog, procedureCode: input.code });
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      signedOn: row.signedOn,
      title: row.title,
      effectiveOn: row.effectiveOn,
      changeKind: row.changeKind,
      changeLabel: PROCEDURE_CHANGE_LABELS[row.changeKind],
    })),
  };
};
