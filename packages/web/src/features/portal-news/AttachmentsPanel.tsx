import { Button, Flex, Input } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import {
  type PortalAttachment,
  portalAttachmentUrl,
  useAddPortalAttachment,
  useRemovePortalAttachment,
} from './usePortalNews';

/**
 * "Tệp đính kèm" of an article: the list in order (name, type, size; opened through the console's route, drafts
 * included), and while the caller may edit the item, an upload with an optional display name and a remove button.
 * The public page lists the same files once the article is published.
 */
export const AttachmentsPanel = ({
  itemId,
  attachments,
  mayEdit,
}: {
  itemId: string;
  attachments: PortalAttachment[];
  mayEdit: boolean;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const add = useAddPortalAttachment();
  const remove = useRemovePortalAttachment();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), file: useId(), heading: useId() };
  const submit = () => {
    if (!file) {
      input.current?.focus();
      return;
    }
    add.mutate(
      { id: itemId, file, title },
      {
        onSuccess: (added) => {
          message.success(t('portalNews.attachmentAdded', { title: added.title }));
          setTitle('');
          setFile(undefined);
          if (input.current) {
            input.current.value = '';
          }
        },
      },
    );
  };
  return (
    <Panel title={t('portalNews.attachments')} titleId={ids.heading} style={{ marginTop: 12 }}>
      <ErrorAlert error={add.error ?? remove.error} />
      {attachments.length === 0 ? (
        <p>{t('portalNews.attachmentsNone')}</p>
      ) : (
        <ul aria-labelledby={ids.heading} style={{ paddingLeft: 18, margin: '0 0 12px' }}>
          {attachments.map((file) => (
            <li key={file.position} style={{ marginBottom: 6 }}>
              <a href={portalAttachmentUrl(itemId, file.position)}>{file.title}</a>{' '}
              <Text type="secondary">
                ({file.typeLabel}, {file.sizeLabel})
              </Text>{' '}
              {mayEdit ? (
                <Button
                  size="small"
                  danger
                  aria-label={t('portalNews.attachmentRemoveLabel', { title: file.title })}
                  loading={remove.isPending && remove.variables?.position === file.position}
                  onClick={() =>
                    remove.mutate(
                      { id: itemId, position: file.position },
                      { onSuccess: () => message.success(t('portalNews.attachmentRemoved')) },
                    )
                  }
                >
                  {t('portalNews.attachmentRemove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <Flex gap={8} wrap align="end">
          <div>
            <label htmlFor={ids.file} style={{ display: 'block' }}>
              {t('portalNews.attachmentFile')}
            </label>
            <input
              id={ids.file}
              ref={input}
              type="file"
              accept=".pdf,.docx,.xlsx,.odt,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          </div>
          <div style={{ flex: 1, minWidth: 180 }}>
            <label htmlFor={ids.title}>{t('portalNews.attachmentTitle')}</label>
            <Input id={ids.title} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <Button onClick={submit} loading={add.isPending}>
            {t('portalNews.attachmentAdd')}
          </Button>
        </Flex>
      ) : null}
      <Text type="secondary" style={{ fontSize: 12 }}>
        {t('portalNews.attachmentsHint')}
      </Text>
    </Panel>
  );
};
