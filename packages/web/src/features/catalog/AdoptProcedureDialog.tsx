import { useMutation } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyModal } from '../../components/lazyAntd';
import { applyFieldErrors } from '../../lib/field-errors';
import '../../i18n/console';
import '../../i18n/console-admin';
import { adoptProcedure } from './useCatalog';

/** Adopting a national procedure into the province's catalog by its national code (opened from the catalog). */
export const AdoptProcedureDialog = ({ catalog, onClose }: { catalog: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ fromNational: string }>();
  const adopt = useMutation({
    mutationFn: (values: { fromNational: string }) => adoptProcedure(catalog, values.fromNational.trim()),
    onSuccess: (detail) => {
      onClose();
      void navigate(`/can-bo/thu-tuc/${encodeURIComponent(detail.code)}`);
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error);
      }
    },
  });
  return (
    <LazyModal
      open
      title={t('catalog.adopt')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={adopt.isPending}
      destroyOnHidden
    >
      {adopt.isError ? <ErrorAlert error={adopt.error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => adopt.mutate(values)}>
        <Form.Item
          label={t('catalog.adoptCode')}
          name="fromNational"
          extra={t('catalog.adoptHelp')}
          rules={[{ required: true, pattern: /^\d\.\d{6}$/, message: t('catalog.adoptHelp') }]}
        >
          <Input maxLength={8} />
        </Form.Item>
      </Form>
    </LazyModal>
  );
};
