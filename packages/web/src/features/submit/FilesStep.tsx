import { CheckCircleFilled, DownloadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Checkbox, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormComponent, PortalSettings, Upload } from '../../api/portal-types';
import { SoftTag } from '../../components/SoftTag';
import { describeMediaTypes, formatBytes } from '../../lib/files';
import { TEXT_SUCCESS, TEXT_WARNING } from '../../theme';
import { templateUrl } from '../portal/usePortal';
import { FileUploader } from './FileUploader';
import { draftUploadPath } from './useSubmit';
import type { WizardValues } from './wizard-values';

type Props = {
  form: FormInstance<WizardValues>;
  draftId: string;
  procedureCode: string;
  catalog: string;
  components: FormComponent[];
  notes: string[];
  uploads: Upload[];
  /** The upload limits the server enforces (the portal's settings). */
  limits: PortalSettings['uploads'];
  disabled: boolean;
  onUploaded: (upload: Upload) => void;
  onRemoved: (id: string) => void;
};

/** "01 bản chính và 01 bản sao" as the paper procedure asks for. */
const usePaperText = () => {
  const { t } = useTranslation();
  return (c: FormComponent) =>
    [
      c.originals > 0 ? t('portal.original', { count: c.originals }) : '',
      c.copies > 0 ? t('portal.copy', { count: c.copies }) : '',
    ]
      .filter(Boolean)
      .join(', ');
};

/** Step 2: one box per component to upload, with its files, or "take it from the national databases". */
export const FilesStep = ({
  form,
  draftId,
  procedureCode,
  catalog,
  components,
  notes,
  uploads,
  limits,
  disabled,
  onUploaded,
  onRemoved,
}: Props) => {
  const { t, i18n } = useTranslation();
  const paper = usePaperText();
  const fromData = (Form.useWatch('fromData', form) ?? {}) as Record<string, boolean>;
  return (
    <div>
      <p>
        {t('citizen.submit.filesIntro', {
          types: describeMediaTypes(limits.mediaTypes, i18n.language),
          max: formatBytes(limits.maxBytes, i18n.language),
          files: limits.maxFilesPerComponent,
        })}
      </p>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {components.map((c, index) => {
          const files = uploads.filter((u) => u.componentKey === c.key);
          const byData = Boolean(fromData[c.key]);
          const done = files.length > 0 || byData;
          const headingId = `component-${c.key}`;
          return (
            <li
              key={c.key}
              aria-labelledby={headingId}
              data-component={c.key}
              style={{
                border: '1px solid #ebe6e1',
                borderRadius: 8,
                padding: 12,
                marginBottom: 12,
                background: '#fff',
              }}
            >
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <h3 id={headingId} style={{ fontSize: 15, margin: 0, flex: '1 1 240px' }}>
                  {index + 1}. {c.name}
                </h3>
                <Flex gap={6} wrap>
                  <SoftTag tone={c.required ? 'danger' : 'neutral'}>
                    {c.alternativeGroup
                      ? t('intake.oneOfComponent')
                      : c.required
                        ? t('intake.requiredComponent')
                        : t('intake.optionalComponent')}
                  </SoftTag>
                  {done ? (
                    <span style={{ color: TEXT_SUCCESS, fontSize: 13 }}>
                      <CheckCircleFilled aria-hidden />{' '}
                      {byData
                        ? t('citizen.submit.fromDataShort')
                        : t('citizen.submit.fileCount', { count: files.length })}
                    </span>
                  ) : c.required && !c.alternativeGroup ? (
                    <span style={{ color: TEXT_WARNING, fontSize: 13 }}>
                      <ExclamationCircleOutlined aria-hidden /> {t('citizen.submit.noFiles')}
                    </span>
                  ) : null}
                </Flex>
              </Flex>
              <Flex gap={12} wrap style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)', margin: '4px 0 8px' }}>
                {paper(c) ? <span>{t('citizen.submit.paperCopies', { text: paper(c) })}</span> : null}
                {c.templateName ? (
                  <a href={templateUrl(catalog, procedureCode, c.key)} download>
                    <DownloadOutlined aria-hidden /> {t('citizen.submit.template')}
                    <span className="visually-hidden">: {c.templateName}</span>
                  </a>
                ) : null}
              </Flex>
              {c.fromDataAllowed ? (
                <Form.Item name={['fromData', c.key]} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox disabled={disabled || files.length > 0}>{t('citizen.submit.fromData')}</Checkbox>
                </Form.Item>
              ) : null}
              {byData ? null : (
                <FileUploader
                  id={`file-${c.key}`}
                  label={c.name}
                  uploads={files}
                  uploadPath={draftUploadPath(draftId, c.key)}
                  limits={limits}
                  maxFiles={Math.min(c.maxFiles, limits.maxFilesPerComponent)}
                  disabled={disabled}
                  onUploaded={onUploaded}
                  onRemoved={onRemoved}
                />
              )}
            </li>
          );
        })}
      </ol>
      {notes.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          <h3 style={{ fontSize: 15 }}>{t('citizen.submit.presentAtDesk')}</h3>
          <ul style={{ paddingInlineStart: 20 }}>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
};
