import { Button, Flex } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { type ScheduleEntry, scheduleFileUrl, useAttachScheduleFile, useRemoveScheduleFile } from './useSchedule';

/**
 * The papers of an entry (giấy mời, chương trình, tài liệu họp): download links for whoever reads it; attach
 * and remove for whoever may edit it now (the same step as "Sửa"). A plain file input keeps the week light.
 */
export const EntryFiles = ({ entry }: { entry: ScheduleEntry }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const attach = useAttachScheduleFile();
  const remove = useRemoveScheduleFile();
  const input = useRef<HTMLInputElement>(null);
  const editable = entry.actions.some((a) => a.action === 'update');
  if (entry.files.length === 0 && !editable) {
    return null;
  }
  const choose = (file: File | undefined) => {
    if (file) {
      attach.mutate({ entry, file }, { onSuccess: () => void message.success(t('schedule.files.attached')) });
    }
    if (input.current) {
      input.current.value = '';
    }
  };
  return (
    <div data-testid="schedule-entry-files" style={{ marginTop: 4, fontSize: 13 }}>
      {entry.files.length > 0 ? (
        <ul style={{ margin: '2px 0', paddingLeft: 16 }} aria-label={t('schedule.files.title')}>
          {entry.files.map((file) => (
            <li key={file.sha256}>
              <a href={scheduleFileUrl(entry.id, file.sha256)} download={file.fileName}>
                {file.fileName}
              </a>
              {editable ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  aria-label={t('schedule.files.remove', { name: file.fileName })}
                  loading={remove.isPending && remove.variables?.sha256 === file.sha256}
                  onClick={() =>
                    remove.mutate(
                      { entry, sha256: file.sha256 },
                      { onSuccess: () => void message.success(t('schedule.files.removed')) },
                    )
                  }
                >
                  ×
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <Flex gap={4} align="center" wrap>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,application/pdf,image/jpeg,image/png"
            aria-label={t('schedule.files.attach')}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <Button size="small" loading={attach.isPending} onClick={() => input.current?.click()}>
            {t('schedule.files.attach')}
          </Button>
          <span style={{ color: 'rgba(0,0,0,0.55)' }}>{t('schedule.files.hint')}</span>
        </Flex>
      ) : null}
      {attach.error || remove.error ? <ErrorAlert error={attach.error ?? remove.error} /> : null}
    </div>
  );
};
