import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import '../../i18n/sipas';
import { createSipasCampaign, fetchSipasQuestionnaires, type NewSipasCampaign } from './useSipas';

/** A new campaign (loaded after the campaign list: antd Form, Select and InputNumber are heavy; issue 16). */
export const CreateCampaign = ({ provinceCode }: { provinceCode: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useConsoleMessage();
  const [form] = Form.useForm<{
    title: string;
    year: number;
    periodFrom: string;
    periodTo: string;
    margin: number;
    questionnaireId?: string;
  }>();
  // The published questionnaires (latest version of each); none chosen → the province's default.
  const questionnaires = useQuery({
    queryKey: ['sipas-questionnaires', provinceCode],
    queryFn: ({ signal }) => fetchSipasQuestionnaires(provinceCode, signal),
  });
  const create = useMutation({
    mutationFn: (body: NewSipasCampaign) => createSipasCampaign(body),
    onSuccess: () => {
      message.success(t('sipas.console.done'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['sipas-campaigns'] });
    },
  });
  const year = new Date().getFullYear() - 1;
  return (
    <Panel title={t('sipas.console.create')} level={3}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, margin: 5 }}
        onFinish={(values) =>
          create.mutate({
            provinceCode,
            year: values.year,
            title: values.title.trim(),
            periodFrom: values.periodFrom,
            periodTo: values.periodTo,
            marginBp: Math.round(values.margin * 100),
            ...(values.questionnaireId ? { questionnaireId: values.questionnaireId } : {}),
          })
        }
      >
        <Form.Item name="title" label={t('sipas.console.create_title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="questionnaireId" label={t('sipas.console.questionnaire')}>
          <Select
            allowClear
            placeholder={t('sipas.console.questionnaire_default')}
            options={(questionnaires.data?.items ?? []).map((q) => ({
              value: q.id,
              label: t('sipas.console.designer_family', { title: q.title, code: q.code, version: q.version }),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="year" label={t('sipas.console.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="margin" label={t('sipas.console.margin')} rules={[{ required: true }]}>
              <InputNumber min={1} max={20} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="periodFrom" label={t('sipas.console.period_from')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="periodTo" label={t('sipas.console.period_to')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('sipas.console.create')}
        </Button>
      </Form>
    </Panel>
  );
};
