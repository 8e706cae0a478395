import { Alert, Checkbox, Form, InputNumber, Space, Switch, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureComponent } from '../../api/types';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { type ComponentValues, findMissingComponents } from './component-values';
import '../../i18n/console-work';

/**
 * Step 3 of intake: tick what was handed in, with the number of originals and copies. The component the
 * application form filled in on screen replaces (`filledByForm`) is shown as filled, not asked for.
 */
export const ComponentsChecklist = ({
  components,
  filledByForm,
}: {
  components: ProcedureComponent[];
  filledByForm?: string | undefined;
}) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const values = Form.useWatch('components', form) as ComponentValues | undefined;
  const missing = findMissingComponents(components, values, filledByForm);
  const groups = (['submit', 'present'] as const).map((group) => ({
    group,
    rows: components.filter((c) => c.group === group),
  }));
  const notes = components.filter((c) => c.group === 'note');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Text>{t('intake.componentsHint')}</Text>
      {groups
        .filter((g) => g.rows.length > 0)
        .map(({ group, rows }) => (
          <Table<ProcedureComponent>
            key={group}
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 760 }}
            title={() => <Text strong>{t(group === 'submit' ? 'intake.groupSubmit' : 'intake.groupPresent')}</Text>}
            columns={[
              {
                title: t('intake.provided'),
                key: 'provided',
                width: 90,
                render: (_, c) =>
                  c.key === filledByForm ? (
                    <SoftTag tone="success">{t('intake.filledOnScreen')}</SoftTag>
                  ) : (
                    <Form.Item name={['components', c.key, 'provided']} valuePropName="checked" noStyle>
                      <Checkbox aria-label={`${t('intake.provided')}: ${c.name}`} />
                    </Form.Item>
                  ),
              },
              {
                title: t('intake.component'),
                key: 'name',
                render: (_, c) => (
                  <Space orientation="vertical" size={2} style={{ minWidth: 240, maxWidth: 560 }}>
                    <span>{c.name}</span>
                    <Space size={4} wrap>
                      {c.alternativeGroup ? (
                        <SoftTag tone={c.required ? 'danger' : 'neutral'}>{t('intake.oneOfComponent')}</SoftTag>
                      ) : c.required ? (
                        <SoftTag tone="danger">{t('intake.requiredComponent')}</SoftTag>
                      ) : (
                        <SoftTag>{t('intake.optionalComponent')}</SoftTag>
                      )}
                      {c.section ? (
                        <Text type="secondary" style={{ fontSize: 12 }}>
                          {c.section}
                        </Text>
                      ) : null}
                    </Space>
                  </Space>
                ),
              },
              {
                title: t('intake.originals'),
                key: 'originals',
                width: 110,
                render: (_, c) => (
                  <Form.Item name={['components', c.key, 'originals']} noStyle>
                    <InputNumber
                      min={0}
                      max={99}
                      aria-label={`${t('intake.originals')}: ${c.name}`}
                      style={{ width: 80 }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('intake.copies'),
                key: 'copies',
                width: 110,
                render: (_, c) => (
                  <Form.Item name={['components', c.key, 'copies']} noStyle>
                    <InputNumber
                      min={0}
                      max={99}
                      aria-label={`${t('intake.copies')}: ${c.name}`}
                      style={{ width: 80 }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: (
                  <Tooltip title={t('intake.fromDataHelp')}>
                    <span>{t('intake.fromData')}</span>
                  </Tooltip>
                ),
                key: 'fromData',
                width: 120,
                render: (_, c) =>
                  c.replaceableByData ? (
                    <Form.Item name={['components', c.key, 'fromData']} valuePropName="checked" noStyle>
                      <Switch size="small" aria-label={`${t('intake.fromData')}: ${c.name}`} />
                    </Form.Item>
                  ) : (
                    <span aria-hidden>—</span>
                  ),
              },
            ]}
          />
        ))}
      {notes.length > 0 ? (
        <Alert
          type="info"
          title={t('intake.groupNote')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {notes.map((n) => (
                <li key={n.key}>{n.name}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <div role="status" aria-live="polite">
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('intake.missing', { count: missing.length })}
            description={missing
              .map((m) => (m.kind === 'group' ? t('intake.oneOfMissing', { name: m.name }) : m.name))
              .join('; ')}
          />
        ) : (
          <Alert type="success" showIcon title={t('intake.complete')} />
        )}
      </div>
    </Space>
  );
};
