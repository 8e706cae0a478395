import { Button, Flex, Form, Input } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/eoffice-signing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import {
  fileToBase64,
  isPng,
  SIGNATURE_IMAGE_MAX_BYTES,
  type SigningCredential,
  useAgencyOfficials,
  useCredentials,
  useImportCredential,
  useIssueTestCredential,
  useRevokeCredential,
  useSetSignatureImage,
} from './useSigning';

const MAX_KB = SIGNATURE_IMAGE_MAX_BYTES / 1024;

/*
 * The console bundle is at its budget: this page uses native controls and small styled elements where the
 * other pages use antd's Select, Segmented, Modal, Popconfirm, Tag and Alert.
 */
const TONES = {
  grey: ['#f5f5f5', '#434343', '#d9d9d9'],
  green: ['#f6ffed', '#237804', '#b7eb8f'],
  red: ['#fff1f0', '#a8071a', '#ffa39e'],
  orange: ['#fff7e6', '#873800', '#ffd591'],
  blue: ['#e6f4ff', '#003eb3', '#91caff'],
} as const;
type Tone = keyof typeof TONES;

const Badge = ({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) => {
  const [background, color, border] = TONES[tone];
  return (
    <span
      data-testid={testId}
      style={{ background, color, border: `1px solid ${border}`, borderRadius: 4, padding: '0 7px', fontSize: 13 }}
    >
      {children}
    </span>
  );
};

const Note = ({
  tone,
  title,
  children,
  testId,
}: {
  tone: Tone;
  title: string;
  children?: ReactNode;
  testId?: string;
}) => {
  const [background, color, border] = TONES[tone];
  return (
    <div
      role={tone === 'red' ? 'alert' : 'note'}
      data-testid={testId}
      style={{ background, border: `1px solid ${border}`, borderRadius: 8, padding: '8px 12px', marginBottom: 12 }}
    >
      <strong style={{ color }}>{title}</strong>
      {children ? <div style={{ marginTop: 4 }}>{children}</div> : null}
    </div>
  );
};

const nativeControl: CSSProperties = {
  minHeight: 32,
  padding: '4px 8px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  background: '#fff',
  font: 'inherit',
  maxWidth: '100%',
};

/** Two or three choices as radio buttons (a fieldset with a legend). */
const Choice = <T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) => (
  <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
    <legend style={{ fontWeight: 600, marginBottom: 4, fontSize: 14 }}>{legend}</legend>
    <Flex gap={16} wrap>
      {options.map((option) => (
        <label key={option.value} style={{ display: 'inline-flex', gap: 6, alignItems: 'center', minHeight: 32 }}>
          <input
            type="radio"
            name={legend}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </Flex>
  </fieldset>
);

/** The signature (official) or seal (agency) image: a PNG chosen, previewed, then saved at the version read. */
const ImagePanel = ({ credential, onClose }: { credential: SigningCredential; onClose: () => void }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const input = useRef<HTMLInputElement>(null);
  const save = useSetSignatureImage();
  const [chosen, setChosen] = useState<{ url: string; base64: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => () => (chosen ? URL.revokeObjectURL(chosen.url) : undefined), [chosen]);
  return (
    <section
      aria-label={t('signingConsole.imageTitle')}
      data-testid="signature-image-panel"
      style={{ marginTop: 8, padding: 12, border: '1px solid #d9d9d9', borderRadius: 8 }}
    >
      <strong>{t('signingConsole.imageTitle')}</strong>
      <p style={{ margin: '4px 0 8px' }}>{t('signingConsole.imageHint', { kb: MAX_KB })}</p>
      <input
        ref={input}
        type="file"
        accept="image/png"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="signature-image-input"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) {
            return;
          }
          setProblem(null);
          if (file.size > SIGNATURE_IMAGE_MAX_BYTES) {
            setProblem(t('signingConsole.tooLarge', { kb: MAX_KB }));
          } else if (!(await isPng(file))) {
            setProblem(t('signingConsole.notPng'));
          } else {
            setChosen({ url: URL.createObjectURL(file), base64: await fileToBase64(file) });
          }
        }}
      />
      <Button onClick={() => input.current?.click()}>{t('signingConsole.chooseImage')}</Button>
      {problem ? (
        <div style={{ marginTop: 8 }}>
          <Note tone="red" title={problem} />
        </div>
      ) : null}
      {chosen ? (
        <figure style={{ margin: '12px 0 0' }}>
          <figcaption>{t('signingConsole.preview')}</figcaption>
          <img
            src={chosen.url}
            alt={t('signingConsole.preview')}
            data-testid="signature-image-preview"
            style={{ maxWidth: '100%', maxHeight: 160, border: '1px dashed #bbb', background: '#fff' }}
          />
        </figure>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={!chosen}
          loading={save.isPending}
          onClick={() =>
            chosen &&
            save.mutate(
              { id: credential.id, pngBase64: chosen.base64, expectedVersion: credential.version },
              {
                onSuccess: () => {
                  void message.success(t('signingConsole.imageSaved'));
                  onClose();
                },
              },
            )
          }
        >
          {t('signingConsole.saveImage')}
        </Button>
        <Button onClick={onClose}>{t('signingConsole.cancel')}</Button>
      </Flex>
    </section>
  );
};

const CredentialLine = ({ credential, now }: { credential: SigningCredential; now: number }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const revoke = useRevokeCredential();
  const [editingImage, setEditingImage] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const active = credential.status === 'active';
  const expired = Date.parse(credential.notAfter) < now;
  return (
    <li
      data-testid="credential"
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere' }}
    >
      <Flex gap={6} wrap align="center">
        <Text strong>{credential.ownerName ?? '—'}</Text>
        <Badge tone="grey">
          {credential.ownerKind === 'agency' ? t('signingConsole.ownerAgency') : t('signingConsole.ownerOfficial')}
        </Badge>
        {credential.origin === 'test_ca' ? (
          <Badge tone="orange">{t('signingConsole.testLabel')}</Badge>
        ) : (
          <Badge tone="blue">{t('signingConsole.imported')}</Badge>
        )}
        <Badge tone={active ? 'green' : 'red'} testId="credential-status">
          {active ? t('signingConsole.active') : t('signingConsole.revoked')}
        </Badge>
        {expired ? <Badge tone="red">{t('signingConsole.expired')}</Badge> : null}
      </Flex>
      <dl className="facts" style={{ margin: '8px 0' }}>
        <dt>{t('signingConsole.subject')}</dt>
        <dd>{credential.subject}</dd>
        <dt>{t('signingConsole.issuer')}</dt>
        <dd>{credential.issuer}</dd>
        <dt>{t('signingConsole.serial')}</dt>
        <dd>
          <code>{credential.serial}</code>
        </dd>
        <dt>{t('signingConsole.validity')}</dt>
        <dd>
          {t('signingConsole.validityRange', {
            from: formatDate(credential.notBefore),
            to: formatDate(credential.notAfter),
          })}
          {credential.revokedAt
            ? ` · ${t('signingConsole.revokedAt', { at: formatDateTime(credential.revokedAt) })}`
            : ''}
        </dd>
        <dt>{t('signingConsole.image')}</dt>
        <dd data-testid="credential-image">
          {credential.signatureImageSha256 ? t('signingConsole.imageSet') : t('signingConsole.imageMissing')}
        </dd>
      </dl>
      {active && !confirming ? (
        <Flex gap={8} wrap>
          <Button size="small" onClick={() => setEditingImage(true)} disabled={editingImage}>
            {t('signingConsole.uploadImage')}
          </Button>
          <Button size="small" danger onClick={() => setConfirming(true)}>
            {t('signingConsole.revoke')}
          </Button>
        </Flex>
      ) : null}
      {active && confirming ? (
        <div role="alertdialog" aria-label={t('signingConsole.revoke')} data-testid="revoke-confirm">
          <Note tone="red" title={t('signingConsole.revokeConfirm')} />
          <Flex gap={8} wrap>
            <Button
              size="small"
              danger
              type="primary"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(
                  { id: credential.id, expectedVersion: credential.version },
                  {
                    onSuccess: () => void message.success(t('signingConsole.revokedDone')),
                    onSettled: () => setConfirming(false),
                  },
                )
              }
            >
              {t('signingConsole.revokeOk')}
            </Button>
            <Button size="small" onClick={() => setConfirming(false)}>
              {t('signingConsole.cancel')}
            </Button>
          </Flex>
        </div>
      ) : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {editingImage && active ? <ImagePanel credential={credential} onClose={() => setEditingImage(false)} /> : null}
    </li>
  );
};

/** Issue a test certificate or import a PKCS#12 file, for the agency or one of its officials. */
const AddCredential = ({ agencyId, asAdministrator }: { agencyId: string; asAdministrator: boolean }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const [mode, setMode] = useState<'issue' | 'import'>('issue');
  const [ownerKind, setOwnerKind] = useState<'agency' | 'official'>('agency');
  const [userId, setUserId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const officials = useAgencyOfficials(agencyId, asAdministrator);
  const issue = useIssueTestCredential();
  const importer = useImportCredential();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const pending = issue.isPending || importer.isPending;
  const error = mode === 'issue' ? issue.error : importer.error;
  const ready = (ownerKind === 'agency' || userId !== '') && (mode === 'issue' || file !== null);

  const submit = async () => {
    const owner =
      ownerKind === 'official'
        ? { ownerKind: 'official' as const, agencyId, userId }
        : { ownerKind: 'agency' as const, agencyId };
    if (mode === 'issue') {
      issue.mutate(owner, { onSuccess: () => void message.success(t('signingConsole.issued')) });
      return;
    }
    if (!file) {
      return;
    }
    importer.mutate(
      { owner, pkcs12Base64: await fileToBase64(file), passphrase },
      {
        onSuccess: () => {
          void message.success(t('signingConsole.importedDone'));
          setFile(null);
          setPassphrase('');
        },
      },
    );
  };

  return (
    <Panel>
      <Title level={2} style={{ fontSize: 18 }}>
        {t('signingConsole.addTitle')}
      </Title>
      <Choice
        legend={t('signingConsole.mode')}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'issue', label: t('signingConsole.issueTab') },
          { value: 'import', label: t('signingConsole.importTab') },
        ]}
      />
      {mode === 'issue' ? (
        <Note tone="orange" title={t('signingConsole.testLabel')} testId="test-certificate-warning">
          {t('signingConsole.testHint')}
        </Note>
      ) : null}
      <Form layout="vertical" onFinish={() => void submit()}>
        <Choice
          legend={t('signingConsole.owner')}
          value={ownerKind}
          onChange={setOwnerKind}
          options={[
            { value: 'agency', label: t('signingConsole.ownerAgency') },
            { value: 'official', label: t('signingConsole.ownerOfficial') },
          ]}
        />
        {ownerKind === 'official' ? (
          <Form.Item label={t('signingConsole.official')} htmlFor="credential-official" required>
            <select
              id="credential-official"
              value={userId}
              onChange={(event) => setUserId(event.target.value)}
              style={{ ...nativeControl, width: 360 }}
            >
              <option value="">{t('signingConsole.chooseOfficial')}</option>
              {(officials.data ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.fullName}
                </option>
              ))}
            </select>
          </Form.Item>
        ) : null}
        {mode === 'import' ? (
          <>
            <Form.Item label={t('signingConsole.file')} required>
              <input
                ref={fileInput}
                type="file"
                accept=".p12,.pfx,application/x-pkcs12"
                className="visually-hidden"
                tabIndex={-1}
                aria-hidden="true"
                data-testid="pkcs12-input"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  event.target.value = '';
                }}
              />
              <Flex gap={8} wrap align="center">
                <Button onClick={() => fileInput.current?.click()}>{t('signingConsole.chooseFile')}</Button>
                {file ? <span>{t('signingConsole.chosen', { name: file.name })}</span> : null}
              </Flex>
            </Form.Item>
            <Form.Item label={t('signingConsole.passphrase')} htmlFor="credential-passphrase">
              <Input.Password
                id="credential-passphrase"
                autoComplete="off"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
                style={{ maxWidth: 360 }}
              />
            </Form.Item>
          </>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="primary" htmlType="submit" loading={pending} disabled={!ready}>
          {mode === 'issue' ? t('signingConsole.issue') : t('signingConsole.import')}
        </Button>
      </Form>
    </Panel>
  );
};

/**
 * Chứng thư số (/can-bo/van-ban/chung-thu-so): the certificates outgoing documents are signed with — the
 * agency's (its seal, Decree 30/2020 Art. 8 and Phụ lục I) and its officials' — for the holders of
 * document.manage (agency administrator, agency head): list, issue a TEST certificate (labelled as having no
 * legal value), import a PKCS#12 file, set the signature or seal image, revoke at the version read.
 */
export const SigningCredentialsPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = agenciesWithRole(me, 'agency_admin', 'agency_head');
  const [chosen, setChosen] = useState<string | undefined>();
  const agencyId = chosen ?? agencies[0]?.id;
  const list = useCredentials(agencyId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [now] = useState(() => Date.now());
  useEffect(() => {
    document.title = `${t('signingConsole.title')} — motcua`;
  }, [t]);

  return (
    <Flex vertical gap={16} data-testid="signing-credentials">
      <div>
        <Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('signingConsole.title')}
        </Title>
        <Text type="secondary">{t('signingConsole.lead')}</Text>
      </div>
      {!agencyId ? (
        <Note tone="blue" title={t('signingConsole.noAgency')} />
      ) : (
        <>
          {agencies.length > 1 ? (
            <label style={{ display: 'grid', gap: 4, maxWidth: 420 }}>
              <strong>{t('signingConsole.agency')}</strong>
              <select value={agencyId} onChange={(event) => setChosen(event.target.value)} style={nativeControl}>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <AddCredential key={agencyId} agencyId={agencyId} asAdministrator={hasRole(me, 'agency_admin')} />
          <Panel>
            <Title level={2} style={{ fontSize: 18 }}>
              {t('signingConsole.listTitle')}
            </Title>
            {list.isPending ? (
              <PageLoading />
            ) : list.error ? (
              <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
            ) : items.length === 0 ? (
              <Text type="secondary">{t('signingConsole.empty')}</Text>
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="credentials">
                {items.map((credential) => (
                  <CredentialLine key={credential.id} credential={credential} now={now} />
                ))}
              </ul>
            )}
            <LoadMoreButton pages={list} label={t('signingConsole.more')} style={{ marginTop: 12 }} />
          </Panel>
        </>
      )}
    </Flex>
  );
};
