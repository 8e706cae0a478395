import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Input, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/sipas';
import { useMe } from '../auth/useMe';
import { fetchSipasQuestionnaires, type NewSipasQuestionnaire, saveSipasQuestionnaire } from './useSipas';

type Definition = NewSipasQuestionnaire['definition'];
type Factor = Definition['factors'][number];
type Criterion = Factor['criteria'][number];
type Question = Criterion['questions'][number];
type QuestionType = Question['type'];

const QUESTION_TYPES: QuestionType[] = ['likert5', 'single_choice', 'multiple_choice', 'free_text'];
const isChoice = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';

/** "a: Có\nb: Không" ↔ the options of a choice question (one "key: label" a line). */
const formatOptions = (question: Question): string =>
  (question.options ?? []).map((o) => `${o.key}: ${o.vi}`).join('\n');
const parseOptions = (text: string): NonNullable<Question['options']> =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0
        ? { key: line.trim(), vi: line.trim() }
        : { key: line.slice(0, at).trim(), vi: line.slice(at + 1).trim() };
    });

const fieldNameOf = (field: string | undefined, t: TFunction): string | null => {
  switch (field) {
    case 'vi':
      return t('sipas.console.designer_label');
    case 'key':
      return t('sipas.console.designer_key');
    case 'type':
      return t('sipas.console.designer_type');
    case 'options':
      return t('sipas.console.designer_options');
    default:
      return null;
  }
};

/**
 * "/definition/factors/0/criteria/1/questions/2/vi" → "Câu hỏi 1.2.3: nội dung", the names the page gives its
 * fields, so an error from the API says where it is; a pointer the page does not know is shown as it came.
 */
const describePointer = (pointer: string, t: TFunction): string => {
  const match = /^\/definition\/factors\/(\d+)(?:\/criteria\/(\d+)(?:\/questions\/(\d+))?)?(?:\/(\w+))?/.exec(pointer);
  if (!match) {
    return pointer === '/definition/title' ? t('sipas.console.designer_title') : pointer;
  }
  const [, f, c, q, field] = match;
  const place = [f, c, q].filter((n) => n !== undefined).map((n) => Number(n) + 1);
  const what =
    q !== undefined
      ? t('sipas.console.designer_question')
      : c !== undefined
        ? t('sipas.console.designer_criterion')
        : t('sipas.console.designer_factor');
  const fieldName = fieldNameOf(field, t);
  return `${what} ${place.join('.')}${fieldName ? `: ${fieldName}` : ''}`;
};

const newQuestion = (key: string): Question => ({ key, type: 'likert5', vi: '', required: false });

/** A new questionnaire starts with one service factor, one criterion and one Likert question, all to be written. */
const blankDefinition = (): Definition => ({
  title: '',
  factors: [
    {
      key: 'factor_1',
      kind: 'service',
      vi: '',
      criteria: [{ key: 'factor_1_c1', vi: '', questions: [newQuestion('factor_1_c1_q1')] }],
    },
  ],
  profile: [],
});

const NEW = '__new__';
const CODE = /^[a-z][a-z0-9_-]{0,59}$/;

/** Removes item `index` of a list, or replaces it with `value`. */
const withItem = <T,>(list: T[], index: number, value: T | null): T[] =>
  value === null ? list.filter((_, i) => i !== index) : list.map((item, i) => (i === index ? value : item));

/**
 * The questionnaire designer: the organiser picks a questionnaire of the province (or starts a new one with its
 * own code), drafts its next version from the latest (or the national default, or blank) — factors, criteria and
 * questions of each kind added, edited or removed — and saves it through the API, which gives it the next version
 * number and refuses a save over a newer version (409). A saved version is published: it never changes and is
 * offered when a campaign is created. The five-level Likert labels are fixed.
 */
export const QuestionnaireDesignerPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const message = useConsoleMessage();
  const queryClient = useQueryClient();
  const provinceCode = me?.provinceCode ?? '';
  const list = useQuery({
    queryKey: ['sipas-questionnaires', provinceCode],
    queryFn: ({ signal }) => fetchSipasQuestionnaires(provinceCode, signal),
    enabled: provinceCode !== '',
  });
  // Which questionnaire is edited: a family of the province ('default' first), or a new one (NEW) with its code.
  const [family, setFamily] = useState<string>('default');
  const [newCode, setNewCode] = useState('');
  const current = family === NEW ? undefined : list.data?.items.find((q) => q.code === family);
  const [draft, setDraft] = useState<Definition | null>(null);
  useEffect(() => {
    if (list.data && draft === null) {
      setDraft(structuredClone(current?.definition ?? list.data.defaultDefinition));
    }
  }, [list.data, current, draft]);
  const choose = (value: string) => {
    setFamily(value);
    save.reset();
    const chosen = list.data?.items.find((q) => q.code === value);
    setDraft(
      value === NEW ? blankDefinition() : structuredClone(chosen?.definition ?? list.data?.defaultDefinition ?? null),
    );
  };
  const code = family === NEW ? newCode.trim() : family;
  const save = useMutation({
    mutationFn: (definition: Definition) =>
      saveSipasQuestionnaire({ provinceCode, code, definition, expectedVersion: current?.version ?? 0 }),
    onSuccess: (saved) => {
      message.success(t('sipas.console.designer_saved', { version: saved.version }));
      setFamily(saved.code);
      setNewCode('');
      void queryClient.invalidateQueries({ queryKey: ['sipas-questionnaires', provinceCode] });
    },
    // Someone saved a version meanwhile (409): read the list again, so the next save starts from it.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        void queryClient.invalidateQueries({ queryKey: ['sipas-questionnaires', provinceCode] });
      }
    },
  });
  const families = [
    ...(list.data?.items.some((q) => q.code === 'default')
      ? []
      : [{ value: 'default', label: t('sipas.console.designer_default_family') }]),
    ...(list.data?.items ?? []).map((q) => ({
      value: q.code,
      label: t('sipas.console.designer_family', { title: q.title, code: q.code, version: q.version }),
    })),
    { value: NEW, label: t('sipas.console.designer_new') },
  ];
  const codeInvalid = family === NEW && !CODE.test(code);

  if (list.isError) {
    return <ErrorAlert error={list.error} />;
  }
  if (!draft) {
    return <PageLoading />;
  }
  const setFactor = (f: number, value: Factor | null) =>
    setDraft({ ...draft, factors: withItem(draft.factors, f, value) });
  const setCriterion = (f: number, c: number, value: Criterion | null) => {
    const factor = draft.factors[f] as Factor;
    setFactor(f, { ...factor, criteria: withItem(factor.criteria, c, value) });
  };
  const setQuestion = (f: number, c: number, q: number, value: Question | null) => {
    const criterion = (draft.factors[f] as Factor).criteria[c] as Criterion;
    setCriterion(f, c, { ...criterion, questions: withItem(criterion.questions, q, value) });
  };
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : [];

  return (
    <Flex vertical gap={16} data-testid="sipas-designer">
      <Link to="/can-bo/khao-sat">← {t('sipas.console.back')}</Link>
      <Panel title={t('sipas.console.designer')}>
        <label htmlFor="sipas-designer-family">{t('sipas.console.designer_choose')}</label>
        <LazySelect
          id="sipas-designer-family"
          data-testid="sipas-designer-family"
          value={family}
          options={families}
          onChange={choose}
          style={{ width: '100%', marginBottom: 8 }}
        />
        {family === NEW ? (
          <>
            <label htmlFor="sipas-designer-code">{t('sipas.console.designer_code')}</label>
            <Input
              id="sipas-designer-code"
              value={newCode}
              status={newCode !== '' && codeInvalid ? 'error' : undefined}
              placeholder="vd: khao-sat-dat-dai"
              onChange={(e) => setNewCode(e.target.value)}
            />
            <p style={{ marginTop: 4 }}>
              <small>{t('sipas.console.designer_code_hint')}</small>
            </p>
          </>
        ) : null}
        <p>
          {family === NEW
            ? t('sipas.console.designer_from_blank')
            : current
              ? t('sipas.console.designer_from', { title: current.title, version: current.version })
              : t('sipas.console.designer_from_default')}
        </p>
        <p>{t('sipas.console.designer_likert')}</p>
        <label htmlFor="sipas-designer-title">{t('sipas.console.designer_title')}</label>
        <Input
          id="sipas-designer-title"
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
      </Panel>
      {draft.factors.map((factor, f) => (
        <Panel
          // biome-ignore lint/suspicious/noArrayIndexKey: factors are edited in place (their key is typed); their place is their identity
          key={`f${f}`}
          level={3}
          title={`${t('sipas.console.designer_factor')} ${f + 1}`}
          extra={
            <Button
              danger
              size="small"
              icon={<DeleteOutlined />}
              aria-label={`${t('sipas.console.designer_remove')} ${t('sipas.console.designer_factor')} ${f + 1}`}
              onClick={() => setFactor(f, null)}
            />
          }
        >
          <Flex wrap gap={8}>
            <Input
              aria-label={`${t('sipas.console.designer_factor')} ${f + 1}: ${t('sipas.console.designer_label')}`}
              value={factor.vi}
              style={{ flex: '1 1 240px', minWidth: 0 }}
              onChange={(e) => setFactor(f, { ...factor, vi: e.target.value })}
            />
            <Input
              aria-label={`${t('sipas.console.designer_factor')} ${f + 1}: ${t('sipas.console.designer_key')}`}
              value={factor.key}
              style={{ width: 160 }}
              onChange={(e) => setFactor(f, { ...factor, key: e.target.value })}
            />
            <LazySelect
              value={factor.kind}
              style={{ width: 140 }}
              options={[
                { value: 'service', label: t('sipas.console.designer_service') },
                { value: 'policy', label: t('sipas.console.designer_policy') },
              ]}
              onChange={(kind) => setFactor(f, { ...factor, kind })}
            />
          </Flex>
          {factor.criteria.map((criterion, c) => (
            <Panel
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria are edited in place; their place is their identity
              key={`c${c}`}
              level={3}
              style={{ marginTop: 8 }}
              title={`${t('sipas.console.designer_criterion')} ${f + 1}.${c + 1}`}
              extra={
                <Button
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`${t('sipas.console.designer_remove')} ${t('sipas.console.designer_criterion')} ${f + 1}.${c + 1}`}
                  onClick={() => setCriterion(f, c, null)}
                />
              }
            >
              <Flex wrap gap={8}>
                <Input
                  aria-label={`${t('sipas.console.designer_criterion')} ${f + 1}.${c + 1}: ${t('sipas.console.designer_label')}`}
                  value={criterion.vi}
                  style={{ flex: '1 1 240px', minWidth: 0 }}
                  onChange={(e) => setCriterion(f, c, { ...criterion, vi: e.target.value })}
                />
                <Input
                  aria-label={`${t('sipas.console.designer_criterion')} ${f + 1}.${c + 1}: ${t('sipas.console.designer_key')}`}
                  value={criterion.key}
                  style={{ width: 160 }}
                  onChange={(e) => setCriterion(f, c, { ...criterion, key: e.target.value })}
                />
              </Flex>
              {criterion.questions.map((question, q) => {
                const name = `${t('sipas.console.designer_question')} ${f + 1}.${c + 1}.${q + 1}`;
                return (
                  <Flex
                    // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place; their place is their identity
                    key={`q${q}`}
                    vertical
                    gap={4}
                    style={{ marginTop: 8, paddingLeft: 8, borderLeft: '2px solid #ddd' }}
                  >
                    <Flex wrap gap={8} align="start">
                      <Input.TextArea
                        aria-label={`${name}: ${t('sipas.console.designer_label')}`}
                        value={question.vi}
                        autoSize
                        style={{ flex: '1 1 240px', minWidth: 0 }}
                        onChange={(e) => setQuestion(f, c, q, { ...question, vi: e.target.value })}
                      />
                      <Input
                        aria-label={`${name}: ${t('sipas.console.designer_key')}`}
                        value={question.key}
                        style={{ width: 160 }}
                        onChange={(e) => setQuestion(f, c, q, { ...question, key: e.target.value })}
                      />
                      <LazySelect
                        aria-label={`${name}: ${t('sipas.console.designer_type')}`}
                        value={question.type}
                        style={{ width: 200 }}
                        options={QUESTION_TYPES.map((type) => ({
                          value: type,
                          label: t(`sipas.console.type_${type}`),
                        }))}
                        onChange={(type) => {
                          const { options: _, ...rest } = question;
                          setQuestion(
                            f,
                            c,
                            q,
                            isChoice(type) ? { ...rest, type, options: question.options ?? [] } : { ...rest, type },
                          );
                        }}
                      />
                      <Checkbox
                        checked={question.required}
                        onChange={(e) => setQuestion(f, c, q, { ...question, required: e.target.checked })}
                      >
                        {t('sipas.console.designer_required')}
                      </Checkbox>
                      <Button
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={`${t('sipas.console.designer_remove')} ${name}`}
                        onClick={() => setQuestion(f, c, q, null)}
                      />
                    </Flex>
                    {isChoice(question.type) ? (
                      <Input.TextArea
                        // Uncontrolled while typed, read on blur; a new key re-reads the options when they change.
                        key={formatOptions(question)}
                        aria-label={`${name}: ${t('sipas.console.designer_options')}`}
                        placeholder={t('sipas.console.designer_options_hint')}
                        defaultValue={formatOptions(question)}
                        autoSize
                        onBlur={(e) => setQuestion(f, c, q, { ...question, options: parseOptions(e.target.value) })}
                      />
                    ) : null}
                  </Flex>
                );
              })}
              <Button
                size="small"
                style={{ marginTop: 8 }}
                icon={<PlusOutlined />}
                onClick={() =>
                  setCriterion(f, c, {
                    ...criterion,
                    questions: [
                      ...criterion.questions,
                      newQuestion(`${criterion.key}_q${criterion.questions.length + 1}`),
                    ],
                  })
                }
              >
                {t('sipas.console.designer_add_question')} {f + 1}.{c + 1}
              </Button>
            </Panel>
          ))}
          <Button
            size="small"
            style={{ marginTop: 8 }}
            icon={<PlusOutlined />}
            onClick={() =>
              setFactor(f, {
                ...factor,
                criteria: [
                  ...factor.criteria,
                  {
                    key: `${factor.key}_c${factor.criteria.length + 1}`,
                    vi: '',
                    questions: [newQuestion(`${factor.key}_c${factor.criteria.length + 1}_q1`)],
                  },
                ],
              })
            }
          >
            {t('sipas.console.designer_add_criterion')} {f + 1}
          </Button>
        </Panel>
      ))}
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            const key = `factor_${draft.factors.length + 1}`;
            setDraft({
              ...draft,
              factors: [
                ...draft.factors,
                {
                  key,
                  kind: 'service',
                  vi: '',
                  criteria: [{ key: `${key}_c1`, vi: '', questions: [newQuestion(`${key}_c1_q1`)] }],
                },
              ],
            });
          }}
        >
          {t('sipas.console.designer_add_factor')}
        </Button>
        <Button type="primary" loading={save.isPending} disabled={codeInvalid} onClick={() => save.mutate(draft)}>
          {t('sipas.console.designer_save')}
        </Button>
      </Space>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {fieldErrors.length > 0 ? (
        <ul data-testid="sipas-designer-errors">
          {fieldErrors.map((e) => (
            <li key={`${e.pointer}${e.message}`}>
              <strong>{describePointer(e.pointer, t)}</strong> — {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Flex>
  );
};
