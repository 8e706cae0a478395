import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { useAddWorkFileItem, useMyIncomingDocuments, useUploadWorkFileItem, type WorkFileDetail } from './useWorkFiles';

/** Adds one of my incoming documents, a note or an uploaded file to an open file. */
export const AddItems = ({ file }: { file: WorkFileDetail }) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [documentId, setDocumentId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const documents = useMyIncomingDocuments(search, true);
  const add = useAddWorkFileItem(file.id);
  const upload = useUploadWorkFileItem(file.id);
  const input = useRef<HTMLInputElement>(null);
  const inFile = new Set(file.items.map((item) => item.itemId));
  return (
    <Panel title={t('workFiles.addDocument')} level={2}>
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            value={documentId}
            onChange={setDocumentId}
            placeholder={t('workFiles.findDocument')}
            aria-label={t('workFiles.findDocument')}
            loading={documents.isFetching}
            style={{ flex: '1 1 240px', minWidth: 0 }}
            options={(documents.data?.items ?? [])
              .filter((doc) => !inFile.has(doc.id))
              .map((doc) => ({ value: doc.id, label: `${doc.numberSymbol} — ${doc.subject}` }))}
          />
          <Button
            disabled={!documentId}
            loading={add.isPending && !!documentId}
            onClick={() =>
              documentId &&
              add.mutate(
                { kind: 'incoming_document', itemId: documentId, expectedVersion: file.version },
                { onSuccess: () => setDocumentId(undefined) },
              )
            }
          >
            {t('workFiles.add')}
          </Button>
        </Flex>
        <label htmlFor="work-file-note">{t('workFiles.addNote')}</label>
        <TextArea
          id="work-file-note"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Flex gap={8} wrap>
          <Button
            disabled={!note.trim()}
            onClick={() =>
              add.mutate(
                { kind: 'note', note: note.trim(), expectedVersion: file.version },
                { onSuccess: () => setNote('') },
              )
            }
          >
            {t('workFiles.saveNote')}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen) {
                upload.mutate({ file: chosen, expectedVersion: file.version });
              }
              event.target.value = '';
            }}
          />
          <Button
            icon={<UploadOutlined aria-hidden />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            {t('workFiles.upload')}
          </Button>
        </Flex>
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      </Flex>
    </Panel>
  );
};
