import { FilePdfOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@motcua/domain/eforms/definition';
import {
  describeFilledForm,
  type FilledGroup,
  type FilledLine,
  type FilledSection,
} from '@motcua/domain/eforms/format';
import type { FormValues } from '@motcua/domain/eforms/values';
import { Button, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEXT_WARNING } from '../../theme';

/** The filled form of a dossier view, with the places its addresses name written in full by the server. */
export type ApplicationFormView = {
  definition: FormDefinition;
  values: FormValues;
  pdfUrl: string;
  places: Readonly<Record<string, string>>;
};

export type EFormViewProps = {
  form: ApplicationFormView;
  /** The level of the form's title (its sections take the next one). */
  headingLevel?: 2 | 3;
};

const GROUP_TABLE_MAX_COLUMNS = 4;

const LineValue = ({ line }: { line: FilledLine }) => {
  const { t } = useTranslation();
  if (line.kind === 'blank') {
    return <span style={{ color: TEXT_WARNING }}>{t('eformView.notFilled')}</span>;
  }
  return (
    <span style={{ whiteSpace: line.multiline ? 'pre-line' : undefined, overflowWrap: 'anywhere' }}>{line.text}</span>
  );
};

const Lines = ({ lines }: { lines: FilledLine[] }) => (
  <Descriptions
    size="small"
    bordered
    column={1}
    styles={{ label: { width: '40%' } }}
    items={lines.map((line) => ({
      key: line.key,
      label: line.label,
      children: <LineValue line={line} />,
    }))}
  />
);

type GroupRow = { key: number; number: number; cells: (FilledLine | undefined)[] };

const Group = ({ group, level }: { group: FilledGroup; level: 3 | 4 | 5 }) => {
  const { t } = useTranslation();
  if (group.columns.length <= GROUP_TABLE_MAX_COLUMNS) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus to scroll with the arrow keys (WCAG 2.1.1)
      <section className="table-scroll" aria-label={group.label} tabIndex={0}>
        <Table<GroupRow>
          size="small"
          bordered
          pagination={false}
          dataSource={group.items.map((item) => ({ key: item.number, number: item.number, cells: item.cells }))}
          columns={[
            { key: 'number', title: t('eformView.itemNo'), dataIndex: 'number', width: 56, align: 'center' },
            ...group.columns.map((column, index) => ({
              key: column.key,
              title: column.label,
              render: (_: unknown, row: GroupRow) => {
                const cell = row.cells[index];
                return cell ? <LineValue line={cell} /> : null;
              },
            })),
          ]}
        />
      </section>
    );
  }
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {group.items.map((item) => (
        <li key={item.number} style={{ marginBottom: 12 }}>
          <Typography.Title level={level} style={{ fontSize: 14, margin: '0 0 6px' }}>
            {item.title}
          </Typography.Title>
          <Lines lines={item.lines} />
        </li>
      ))}
    </ol>
  );
};

const Section = ({ section, level }: { section: FilledSection; level: 3 | 4 }) => {
  // Runs of plain lines share one table; each group gets its own heading and table.
  const blocks: ({ kind: 'lines'; lines: FilledLine[] } | FilledGroup)[] = [];
  for (const entry of section.entries) {
    const last = blocks.at(-1);
    if (entry.kind === 'group') {
      blocks.push(entry);
    } else if (last?.kind === 'lines') {
      last.lines.push(entry);
    } else {
      blocks.push({ kind: 'lines', lines: [entry] });
    }
  }
  return (
    <section aria-labelledby={`eform-section-${section.key}`} style={{ marginBottom: 16 }}>
      <Typography.Title level={level} id={`eform-section-${section.key}`} style={{ fontSize: 15, marginTop: 0 }}>
        {section.title}
      </Typography.Title>
      <Flex vertical gap={12}>
        {blocks.map((block) =>
          block.kind === 'lines' ? (
            <Lines key={block.lines[0]?.key} lines={block.lines} />
          ) : (
            <div key={block.key}>
              <Typography.Text strong>{block.label}</Typography.Text>
              <Group group={block} level={level === 3 ? 4 : 5} />
            </div>
          ),
        )}
      </Flex>
    </section>
  );
};

/**
 * A filled application form, read-only, worded as the printed tờ khai words it (the domain's
 * describeFilledForm), with a link to that print. Default export, for React.lazy.
 */
const EFormView = ({ form, headingLevel = 2 }: EFormViewProps) => {
  const { t } = useTranslation();
  const sections = describeFilledForm(form.definition, form.values, { places: form.places });
  const sectionLevel = headingLevel === 2 ? 3 : 4;
  return (
    <div data-testid="eform-view">
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={headingLevel} style={{ fontSize: 17, margin: 0 }}>
            {form.definition.title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {form.definition.legalSource}
          </Typography.Text>
        </div>
        <Button icon={<FilePdfOutlined />} href={form.pdfUrl} target="_blank" rel="noopener" data-testid="eform-pdf">
          {t('eformView.pdf')}
        </Button>
      </Flex>
      {sections.length === 0 ? (
        <Typography.Text type="secondary">{t('eformView.empty')}</Typography.Text>
      ) : (
        sections.map((section) => <Section key={section.key} section={section} level={sectionLevel} />)
      )}
    </div>
  );
};

export default EFormView;
