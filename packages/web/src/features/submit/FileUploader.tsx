import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api/client';
import type { Upload } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { acceptAttribute, describeMediaTypes, findFileProblem, formatBytes, type UploadLimits } from '../../lib/files';
import '../../i18n/citizen';
import { removeUpload, uploadUrl } from './useSubmit';

type Props = {
  /** A unique id for the input (one uploader per component). */
  id: string;
  /** The component's name, for labels ("Chọn tệp cho …"). */
  label: string;
  uploads: Upload[];
  /** Where to POST the file (multipart, field "file"). */
  uploadPath: string;
  /** The size and types the server accepts (the portal's settings). */
  limits: UploadLimits;
  maxFiles: number;
  /** How many files already count against `maxFiles` (default: all of `uploads`). */
  used?: number;
  disabled?: boolean;
  onUploaded: (upload: Upload) => void;
  onRemoved: (id: string) => void;
  /** A caption under a file (which paper it is, when one list holds several). */
  describe?: (upload: Upload) => string | undefined;
};

type Sending = { key: string; name: string; fraction: number };

/**
 * The files of one component: what is uploaded (to open or remove), what is being uploaded (with its
 * progress), and a button to add files. Each file's type and size are checked in the browser first;
 * the server's own answer (413, 415, 422 …) is shown with its Vietnamese message.
 */
export const FileUploader = ({
  id,
  label,
  uploads,
  uploadPath,
  limits,
  maxFiles,
  used = uploads.length,
  disabled = false,
  onUploaded,
  onRemoved,
  describe,
}: Props) => {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const language = i18n.language;

  const send = async (files: File[]) => {
    setProblems([]);
    setServerError(null);
    const messages: string[] = [];
    let room = maxFiles - used;
    for (const file of files) {
      if (room <= 0) {
        messages.push(t('citizen.submit.tooManyFiles', { max: maxFiles }));
        break;
      }
      const problem = await findFileProblem(file, limits);
      if (problem) {
        messages.push(
          problem === 'empty'
            ? t('citizen.submit.fileEmpty', { name: file.name })
            : problem === 'size'
              ? t('citizen.submit.fileTooLarge', {
                  name: file.name,
                  size: formatBytes(file.size, language),
                  max: formatBytes(limits.maxBytes, language),
                })
              : t('citizen.submit.fileTypeNotAllowed', {
                  name: file.name,
                  types: describeMediaTypes(limits.mediaTypes, language),
                }),
        );
        continue;
      }
      const key = `${file.name}-${file.size}-${Date.now()}`;
      setSending((list) => [...list, { key, name: file.name, fraction: 0 }]);
      try {
        const stored = await uploadFile<Upload>(uploadPath, file, {
          onProgress: (fraction) =>
            setSending((list) => list.map((item) => (item.key === key ? { ...item, fraction } : item))),
        });
        room -= 1;
        onUploaded(stored);
        setAnnounce(t('citizen.submit.uploaded', { name: stored.fileName }));
      } catch (error) {
        setServerError(error);
      } finally {
        setSending((list) => list.filter((item) => item.key !== key));
      }
    }
    setProblems(messages);
  };

  const remove = async (upload: Upload) => {
    setRemoving(upload.id);
    setServerError(null);
    try {
      await removeUpload(upload.id);
      onRemoved(upload.id);
      setAnnounce(t('citizen.submit.removed', { name: upload.fileName }));
    } catch (error) {
      setServerError(error);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <div>
      {uploads.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: '0 0 8px', padding: 0 }}>
          {uploads.map((upload) => (
            <li key={upload.id} style={{ padding: '4px 0' }}>
              <Flex align="center" gap={8} wrap={false}>
                {upload.mediaType === 'application/pdf' ? (
                  <FilePdfOutlined aria-hidden style={{ color: '#8e1515' }} />
                ) : (
                  <FileImageOutlined aria-hidden style={{ color: '#0b5cad' }} />
                )}
                <span style={{ minWidth: 0, flex: 1 }}>
                  <a href={uploadUrl(upload.id)} target="_blank" rel="noopener" style={{ overflowWrap: 'anywhere' }}>
                    {upload.fileName}
                  </a>
                  {describe?.(upload) ? (
                    <span style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.68)' }}>
                      {describe(upload)}
                    </span>
                  ) : null}
                </span>
                <span style={{ color: 'rgba(0,0,0,0.68)', whiteSpace: 'nowrap', fontSize: 13 }}>
                  {formatBytes(upload.sizeBytes, language)}
                </span>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('citizen.submit.removeFile', { name: upload.fileName })}
                  loading={removing === upload.id}
                  disabled={disabled}
                  onClick={() => void remove(upload)}
                />
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
      {sending.map((item) => (
        <div key={item.key} style={{ marginBottom: 8 }}>
          <div style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
            {t('citizen.submit.uploading', { name: item.name })}
          </div>
          <Progress
            percent={Math.round(item.fraction * 100)}
            size="small"
            status="active"
            aria-label={t('citizen.submit.uploading', { name: item.name })}
          />
        </div>
      ))}
      {problems.length > 0 ? (
        <ul role="alert" style={{ color: '#c41d1d', margin: '0 0 8px', paddingInlineStart: 18 }}>
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {serverError ? <ErrorAlert error={serverError} /> : null}
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={acceptAttribute(limits.mediaTypes)}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) {
            void send(files);
          }
        }}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        onClick={() => input.current?.click()}
        disabled={disabled || used >= maxFiles}
        loading={sending.length > 0}
        aria-label={t('citizen.submit.chooseFileFor', { name: label })}
      >
        {t('citizen.submit.chooseFile')}
      </Button>
      <span className="visually-hidden" aria-live="polite">
        {announce}
      </span>
    </div>
  );
};
