import { Button, Flex, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Text } from '../../components/typography';
import { type PortalImageUploaded, uploadPortalImage } from './usePortalNews';

/**
 * "Chèn ảnh": choose an image, describe it (required: the server refuses an image without alt text), upload it —
 * the server turns it upright, strips its metadata and makes 480/960/1600 px WebP variants — and hand the answer
 * with the description to the editor. Loaded only when the button is pressed (antd's Modal stays out of the
 * editor's first load).
 */
const InsertImageDialog = ({
  onInsert,
  onClose,
}: {
  onInsert: (image: PortalImageUploaded, alt: string) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | undefined>();
  const [alt, setAlt] = useState('');
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<string | undefined>();
  const ids = { file: useId(), alt: useId(), hint: useId() };
  const submit = async () => {
    if (!file) {
      setMissing(t('portalNews.imageFileRequired'));
      return;
    }
    if (!alt.trim()) {
      setMissing(t('portalNews.imageAltRequired'));
      return;
    }
    setMissing(undefined);
    setError(undefined);
    setProgress(0);
    try {
      const image = await uploadPortalImage(file, setProgress);
      onInsert(image, alt.trim());
    } catch (failure) {
      setError(failure);
      setProgress(undefined);
    }
  };
  return (
    <Modal
      open
      title={t('portalNews.imageDialogTitle')}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('portalNews.cancel')}</Button>
          <Button type="primary" loading={progress !== undefined} onClick={() => void submit()}>
            {t('portalNews.imageInsert')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <ErrorAlert error={error} />
        <div>
          <label htmlFor={ids.file}>{t('portalNews.imageFile')}</label>
          <input
            id={ids.file}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <div>
          <label htmlFor={ids.alt}>{t('portalNews.imageAlt')}</label>
          <Input.TextArea
            id={ids.alt}
            value={alt}
            required
            aria-required="true"
            aria-describedby={ids.hint}
            maxLength={300}
            autoSize={{ minRows: 2 }}
            onChange={(e) => setAlt(e.target.value)}
          />
          <Text id={ids.hint} type="secondary" style={{ fontSize: 12 }}>
            {t('portalNews.imageAltHint')}
          </Text>
        </div>
        {missing ? (
          <Text role="alert" type="danger">
            {missing}
          </Text>
        ) : null}
        {progress !== undefined ? (
          <Text role="status">{t('portalNews.imageUploading', { percent: Math.round(progress * 100) })}</Text>
        ) : null}
      </Flex>
    </Modal>
  );
};

export default InsertImageDialog;
