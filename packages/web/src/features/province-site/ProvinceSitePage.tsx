import { portalTitleOf } from '@motcua/domain';
import { contrastRatio, normalizeColour } from '@motcua/domain/provinces/site';
import { Alert, Button, Flex, Input } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/province-site';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import {
  type ProvinceSiteView,
  useProvinceSite,
  useRemoveEmblem,
  useSaveBranding,
  useUploadEmblem,
} from './useProvinceSite';

type Draft = {
  name: string;
  portalName: string;
  placeName: string;
  colourPrimary: string;
  colourAccent: string;
  contactPhone: string;
  contactAddress: string;
};

const draftOf = (site: ProvinceSiteView): Draft => ({
  name: site.name,
  portalName: site.portalName,
  placeName: site.placeName,
  colourPrimary: site.colourPrimary,
  colourAccent: site.colourAccent,
  contactPhone: site.contactPhone ?? '',
  contactAddress: site.contactAddress ?? '',
});

const fieldStyle: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 12 };

const Field = ({ label, children, id }: { label: string; children: ReactNode; id: string }) => (
  <div style={fieldStyle}>
    <label htmlFor={id}>
      <Text strong>{label}</Text>
    </label>
    {children}
  </div>
);

/** A colour: the browser's own picker (light, no library) beside the #rrggbb text it stands for. */
const ColourField = ({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const valid = normalizeColour(value);
  return (
    <Field label={label} id={id}>
      <Flex gap={8} align="center">
        <input
          type="color"
          aria-label={t('provinceSite.pickColour', { label })}
          value={valid ?? '#000000'}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          style={{ width: 44, height: 32, padding: 2, border: '1px solid #d9d9d9', borderRadius: 6 }}
        />
        <Input
          id={id}
          value={value}
          maxLength={7}
          disabled={disabled}
          status={valid ? undefined : 'error'}
          onChange={(event) => onChange(event.target.value)}
          style={{ maxWidth: 140, fontFamily: 'monospace' }}
          aria-describedby={`${id}-help`}
        />
      </Flex>
      <Text type={valid ? 'secondary' : 'danger'} id={`${id}-help`}>
        {valid ? t('provinceSite.colourHelp') : t('provinceSite.colourInvalid')}
      </Text>
    </Field>
  );
};

/** The portal's header as the site's visitors will see it, drawn from the form's values. */
const HeaderPreview = ({ draft, emblemUrl }: { draft: Draft; emblemUrl: string | null }) => {
  const { t } = useTranslation();
  const primary = normalizeColour(draft.colourPrimary) ?? '#8e1515';
  const accent = normalizeColour(draft.colourAccent) ?? '#d4a017';
  return (
    <figure style={{ margin: 0 }} aria-label={t('provinceSite.preview')}>
      <div
        data-testid="site-header-preview"
        style={{
          background: primary,
          color: '#ffffff',
          borderBottom: `3px solid ${accent}`,
          padding: '10px 14px',
          display: 'flex',
          alignItems: 'center',
          gap: 10,
          borderRadius: '6px 6px 0 0',
        }}
      >
        {emblemUrl ? (
          <img
            src={emblemUrl}
            alt={t('provinceSite.emblemAlt', { name: draft.name })}
            width={36}
            height={36}
            style={{ objectFit: 'contain' }}
          />
        ) : (
          <img src="/favicon.svg" alt="" width={28} height={28} />
        )}
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, minWidth: 0 }}>
          <strong style={{ fontSize: 16 }}>{portalTitleOf(draft)}</strong>
          <span style={{ fontSize: 12, opacity: 0.92 }}>{t('app.systemName')}</span>
        </span>
      </div>
      <div
        style={{
          background: '#ffffff',
          border: '1px solid #ebe6e1',
          borderTop: 0,
          padding: '8px 14px',
          color: primary,
          fontWeight: 500,
          borderRadius: '0 0 6px 6px',
        }}
      >
        {t('provinceSite.previewNav')}
      </div>
    </figure>
  );
};

const EmblemPanel = ({ site }: { site: ProvinceSiteView }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const upload = useUploadEmblem();
  const remove = useRemoveEmblem();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <Panel title={t('provinceSite.emblem')}>
      <Flex gap={16} align="center" wrap>
        {site.emblemUrl ? (
          <img
            src={site.emblemUrl}
            alt={t('provinceSite.emblemAlt', { name: site.name })}
            width={72}
            height={72}
            style={{ objectFit: 'contain', background: site.colourPrimary, borderRadius: 6, padding: 6 }}
          />
        ) : (
          <Text type="secondary">{t('provinceSite.emblemNone')}</Text>
        )}
        {site.mayEdit ? (
          <Flex gap={8} wrap>
            <label htmlFor={id} className="visually-hidden">
              {t('provinceSite.emblemChoose')}
            </label>
            <input
              ref={input}
              id={id}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) {
                  upload.mutate(
                    { file, expectedVersion: site.version },
                    { onSuccess: () => message.success(t('provinceSite.emblemUploaded')) },
                  );
                }
              }}
            />
            <Button loading={upload.isPending} onClick={() => input.current?.click()}>
              {t('provinceSite.emblemChoose')}
            </Button>
            {site.emblemUrl ? (
              <Button
                danger
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(site.version, { onSuccess: () => message.success(t('provinceSite.emblemRemoved')) })
                }
              >
                {t('provinceSite.emblemRemove')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      <p style={{ margin: '8px 0 0' }}>
        <Text type="secondary">{t('provinceSite.emblemHelp')}</Text>
      </p>
      {upload.error ? <ErrorAlert error={upload.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
    </Panel>
  );
};

/**
 * "Giao diện cổng thông tin" (issue 22 item 4): the province administrator sets the portal's names, colours,
 * contacts and emblem, with a live preview of the portal's header and a warning when white text on the primary
 * colour would fall below WCAG AA (the server refuses it). Other officials of the province read it.
 */
export const ProvinceSitePage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const site = useProvinceSite();
  const save = useSaveBranding();
  const [draft, setDraft] = useState<Draft | undefined>();
  const ids = { name: useId(), portalName: useId(), placeName: useId(), phone: useId(), address: useId() };
  useEffect(() => {
    if (site.data) {
      setDraft(draftOf(site.data));
    }
  }, [site.data]);
  if (site.error) {
    return <ErrorAlert error={site.error} onRetry={() => void site.refetch()} />;
  }
  if (!site.data || !draft) {
    return <PageLoading />;
  }
  const data = site.data;
  const readOnly = !data.mayEdit;
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => current && { ...current, [key]: value });
  const primary = normalizeColour(draft.colourPrimary);
  const ratio = primary ? Math.floor(contrastRatio(primary, '#ffffff') * 100) / 100 : undefined;
  const lowContrast = ratio !== undefined && ratio < data.minHeaderContrast;
  const valid =
    primary !== undefined &&
    normalizeColour(draft.colourAccent) !== undefined &&
    draft.name.trim() !== '' &&
    draft.portalName.trim() !== '' &&
    draft.placeName.trim() !== '';
  return (
    <div style={{ maxWidth: 960 }}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('provinceSite.title')}
      </Title>
      <p style={{ marginTop: 0 }}>{t('provinceSite.intro')}</p>
      {readOnly ? <Alert type="info" showIcon title={t('provinceSite.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Panel title={t('provinceSite.preview')}>
        <HeaderPreview draft={draft} emblemUrl={data.emblemUrl} />
        <p style={{ margin: '8px 0 0' }}>
          <a href="/" target="_blank" rel="noopener">
            {t('provinceSite.viewPortal')}
          </a>
        </p>
      </Panel>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid || readOnly) {
            return;
          }
          save.mutate(
            {
              name: draft.name,
              portalName: draft.portalName,
              placeName: draft.placeName,
              colourPrimary: draft.colourPrimary,
              colourAccent: draft.colourAccent,
              contactPhone: draft.contactPhone.trim() || null,
              contactAddress: draft.contactAddress.trim() || null,
              expectedVersion: data.version,
            },
            { onSuccess: () => message.success(t('provinceSite.saved')) },
          );
        }}
      >
        <Panel title={t('provinceSite.title')}>
          <Field label={t('provinceSite.fieldPortalName')} id={ids.portalName}>
            <Input
              id={ids.portalName}
              value={draft.portalName}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => set('portalName')(e.target.value)}
            />
          </Field>
          <Field label={t('provinceSite.fieldName')} id={ids.name}>
            <Input
              id={ids.name}
              value={draft.name}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => set('name')(e.target.value)}
            />
          </Field>
          <Field label={t('provinceSite.fieldPlaceName')} id={ids.placeName}>
            <Input
              id={ids.placeName}
              value={draft.placeName}
              maxLength={100}
              disabled={readOnly}
              onChange={(e) => set('placeName')(e.target.value)}
            />
          </Field>
          <Flex gap={24} wrap>
            <ColourField
              label={t('provinceSite.fieldPrimary')}
              value={draft.colourPrimary}
              onChange={set('colourPrimary')}
              disabled={readOnly}
            />
            <ColourField
              label={t('provinceSite.fieldAccent')}
              value={draft.colourAccent}
              onChange={set('colourAccent')}
              disabled={readOnly}
            />
          </Flex>
          {ratio === undefined ? null : lowContrast ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title={t('provinceSite.contrastLow', { ratio, minimum: data.minHeaderContrast })}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <p style={{ marginTop: 0 }}>
              <Text type="secondary">{t('provinceSite.contrast', { ratio })}</Text>
            </p>
          )}
          <Field label={t('provinceSite.fieldPhone')} id={ids.phone}>
            <Input
              id={ids.phone}
              value={draft.contactPhone}
              maxLength={50}
              disabled={readOnly}
              inputMode="tel"
              onChange={(e) => set('contactPhone')(e.target.value)}
            />
          </Field>
          <Field label={t('provinceSite.fieldAddress')} id={ids.address}>
            <Input
              id={ids.address}
              value={draft.contactAddress}
              maxLength={500}
              disabled={readOnly}
              onChange={(e) => set('contactAddress')(e.target.value)}
            />
          </Field>
          {save.error ? <ErrorAlert error={save.error} /> : null}
          {readOnly ? null : (
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!valid || lowContrast}>
              {t('provinceSite.save')}
            </Button>
          )}
        </Panel>
      </form>
      <EmblemPanel site={data} />
    </div>
  );
};
