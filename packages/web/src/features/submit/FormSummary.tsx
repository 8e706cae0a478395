import type { FormDefinition } from '@motcua/domain/eforms/definition';
import { describeFilledForm, type FilledEntry, type FilledGroup, type FilledLine } from '@motcua/domain/eforms/format';
import type { AddressValue, FormValues, GroupItemValues } from '@motcua/domain/eforms/values';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TEXT_WARNING } from '../../theme';
import { fetchAdministrativeUnit } from './useSubmit';

/**
 * The filled application form on the review step, read-only and worded as the printed tờ khai words it
 * (describeFilledForm, like the dossier's view), before the citizen submits. Default export, for React.lazy:
 * it loads with the review of a procedure that has a form only.
 */

const isAddress = (value: unknown): value is AddressValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The commune codes the form's addresses name, in its items too. */
const communeCodesOf = (values: FormValues): string[] => {
  const codes = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value as GroupItemValues[]) {
        Object.values(item).forEach(visit);
      }
    } else if (isAddress(value) && value.communeCode) {
      codes.add(value.communeCode);
    }
  };
  Object.values(values).forEach(visit);
  return [...codes].sort();
};

/** "Phường Phố Hiến" → "phường Phố Hiến", as the printed form writes a unit inside a sentence. */
const lowerFirst = (name: string): string => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/** The places of the addresses written in full ("phường Phố Hiến, tỉnh Hưng Yên"), by commune code. */
const usePlaces = (codes: string[]): Record<string, string> => {
  const places = useQuery({
    queryKey: ['submit', 'places', codes],
    queryFn: async ({ signal }) => {
      const named = await Promise.all(
        codes.map(async (code) => {
          const commune = await fetchAdministrativeUnit('commune', code, signal);
          const province = commune ? await fetchAdministrativeUnit('province', commune.provinceCode, signal) : null;
          const names = [commune?.name, province?.name].filter((name): name is string => Boolean(name));
          return names.length > 0 ? [[code, names.map(lowerFirst).join(', ')] as const] : [];
        }),
      );
      return Object.fromEntries(named.flat());
    },
    enabled: codes.length > 0,
    staleTime: 60 * 60 * 1000,
    placeholderData: (previous) => previous,
  });
  return places.data ?? {};
};

const Line = ({ line }: { line: FilledLine }) => {
  const { t } = useTranslation();
  return (
    <>
      <dt>{line.label}</dt>
      <dd style={{ whiteSpace: line.kind === 'value' && line.multiline ? 'pre-line' : undefined }}>
        {line.kind === 'value' ? (
          line.text
        ) : (
          <span style={{ color: TEXT_WARNING }}>{t('citizen.submit.notFilled')}</span>
        )}
      </dd>
    </>
  );
};

/** Runs of plain lines share one list; each group stands on its own. */
const blocksOf = (entries: FilledEntry[]): ({ kind: 'lines'; lines: FilledLine[] } | FilledGroup)[] => {
  const blocks: ({ kind: 'lines'; lines: FilledLine[] } | FilledGroup)[] = [];
  for (const entry of entries) {
    const last = blocks.at(-1);
    if (entry.kind === 'group') {
      blocks.push(entry);
    } else if (last?.kind === 'lines') {
      last.lines.push(entry);
    } else {
      blocks.push({ kind: 'lines', lines: [entry] });
    }
  }
  return blocks;
};

type Props = { definition: FormDefinition; values: FormValues };

const FormSummary = ({ definition, values }: Props) => {
  const places = usePlaces(communeCodesOf(values));
  const sections = describeFilledForm(definition, values, { places });
  return (
    <div data-testid="review-form">
      <p style={{ fontSize: 13, margin: 0, color: 'rgba(0, 0, 0, 0.68)' }}>{definition.legalSource}</p>
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`review-form-${section.key}`}>
          <h4 id={`review-form-${section.key}`} style={{ fontSize: 15, margin: '12px 0 4px' }}>
            {section.title}
          </h4>
          {blocksOf(section.entries).map((block) =>
            block.kind === 'group' ? (
              <div key={block.key}>
                <strong>{block.label}</strong>
                <ol style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                  {block.items.map((item) => (
                    <li key={item.number}>
                      <span className="visually-hidden">{item.title}</span>
                      <dl className="facts">
                        {item.lines.map((line) => (
                          <Line key={line.key} line={line} />
                        ))}
                      </dl>
                    </li>
                  ))}
                </ol>
              </div>
            ) : (
              <dl className="facts" key={block.lines[0]?.key} style={{ margin: '0 0 8px' }}>
                {block.lines.map((line) => (
                  <Line key={line.key} line={line} />
                ))}
              </dl>
            ),
          )}
        </section>
      ))}
    </div>
  );
};

export default FormSummary;
