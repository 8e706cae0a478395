import { App, Button, Flex, InputNumber, Segmented } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import { type OutgoingDetail, pageImageUrl, useOutgoingStep } from './useOutgoing';

/*
 * The signer's step, loaded only when it opens: a preview of the page being signed (a PNG the server
 * renders at PAGE_PREVIEW_SCALE px per PDF point) with three boxes — the signature block (the seal will sit
 * over its left third), "Số: …" and the place-and-date line — placed by a tap or click and moved by
 * dragging, and the same positions in number fields for the keyboard. Positions are PDF points from the
 * page's bottom-left corner, as the sign request takes them.
 */

/** Pixels per PDF point of the server's page image (packages/server/.../page-image.ts). */
const PAGE_PREVIEW_SCALE = 1.5;
const A4 = { width: 595.28, height: 841.89 };

type Target = 'signature' | 'number' | 'placeDate';
type Placement = {
  /** x is the centre of "Số: …" (centred under the agency name, Decree 30 A4 layout). */
  number: { page: number; x: number; y: number };
  /** x is the left edge of the italic place-and-date line. */
  placeDate: { page: number; x: number; y: number };
  signature: { page: number; x: number; y: number; width: number; height: number };
};

/** The server's defaults (stamp-number.ts, DEFAULT_NUMBER_PLACEMENT): the Decree 30 A4 layout. */
const defaults = (pageCount: number): Placement => ({
  number: { page: 1, x: 170, y: 714 },
  placeDate: { page: 1, x: 298, y: 714 },
  signature: { page: pageCount, x: 326, y: 170, width: 170, height: 70 },
});

/** The box each target covers on the page, in PDF points (left, bottom, width, height). */
const NUMBER_BOX = { width: 100, height: 19 };
const PLACE_DATE_BOX = { width: 230, height: 20 };
const boxOf = (placement: Placement, target: Target) => {
  if (target === 'signature') {
    const { x, y, width, height } = placement.signature;
    return { left: x, bottom: y, width, height };
  }
  if (target === 'number') {
    const { x, y } = placement.number;
    return { left: x - NUMBER_BOX.width / 2, bottom: y - 4, ...NUMBER_BOX };
  }
  const { x, y } = placement.placeDate;
  return { left: x, bottom: y - 4, ...PLACE_DATE_BOX };
};

const round = (value: number) => Math.round(value);
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/** Moves `target` so its box's bottom-left corner is at (left, bottom), kept on the page. */
const moveTo = (
  placement: Placement,
  target: Target,
  page: number,
  corner: { left: number; bottom: number },
  size: { width: number; height: number },
): Placement => {
  const box = boxOf(placement, target);
  const left = clamp(corner.left, 0, size.width - box.width);
  const bottom = clamp(corner.bottom, 0, size.height - box.height);
  if (target === 'signature') {
    return { ...placement, signature: { ...placement.signature, page, x: round(left), y: round(bottom) } };
  }
  if (target === 'number') {
    return { ...placement, number: { page, x: round(left + NUMBER_BOX.width / 2), y: round(bottom + 4) } };
  }
  return { ...placement, placeDate: { page, x: round(left), y: round(bottom + 4) } };
};

const COLOURS: Record<Target, string> = { signature: '#1d4ed8', number: '#b91c1c', placeDate: '#047857' };

export const SignStep = ({ doc }: { doc: OutgoingDetail }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = useOutgoingStep(doc.id, 'sign');
  const pageCount = Math.max(doc.pageCount ?? 1, 1);
  const [placement, setPlacement] = useState<Placement>(() => defaults(pageCount));
  const [target, setTarget] = useState<Target>('signature');
  const [shownPage, setShownPage] = useState(pageCount);
  const [pageSize, setPageSize] = useState(A4);
  const [image, setImage] = useState<'loading' | 'shown' | 'failed'>('loading');
  const [displayWidth, setDisplayWidth] = useState(0);
  const surface = useRef<HTMLDivElement>(null);
  const drag = useRef<{ target: Target; dx: number; dy: number; pointerId: number } | null>(null);

  const scale = displayWidth > 0 ? displayWidth / pageSize.width : 0;
  const toPoints = (clientX: number, clientY: number) => {
    const rect = surface.current?.getBoundingClientRect();
    if (!rect || scale === 0) {
      return undefined;
    }
    return { x: (clientX - rect.left) / scale, y: pageSize.height - (clientY - rect.top) / scale };
  };
  // The boxes follow the page's displayed width (a phone's 390 px, a desk's 560 px, a resized window).
  useEffect(() => {
    const element = surface.current;
    if (!element) {
      return;
    }
    setDisplayWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setDisplayWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  /** A tap or click on the page places the chosen box centred there. */
  const placeAt = (clientX: number, clientY: number) => {
    const at = toPoints(clientX, clientY);
    if (!at) {
      return;
    }
    const box = boxOf(placement, target);
    setPlacement(
      moveTo(placement, target, shownPage, { left: at.x - box.width / 2, bottom: at.y - box.height / 2 }, pageSize),
    );
  };

  const startDrag = (which: Target) => (event: React.PointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const at = toPoints(event.clientX, event.clientY);
    if (!at) {
      return;
    }
    const box = boxOf(placement, which);
    setTarget(which);
    drag.current = { target: which, dx: at.x - box.left, dy: at.y - box.bottom, pointerId: event.pointerId };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const moveDrag = (event: React.PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    const at = toPoints(event.clientX, event.clientY);
    if (!current || current.pointerId !== event.pointerId || !at) {
      return;
    }
    setPlacement((now) =>
      moveTo(now, current.target, shownPage, { left: at.x - current.dx, bottom: at.y - current.dy }, pageSize),
    );
  };
  const endDrag = () => {
    drag.current = null;
  };

  const boxes = (['number', 'placeDate', 'signature'] as const).filter((which) => placement[which].page === shownPage);
  const goTo = (page: number) => {
    setShownPage(page);
    setImage('loading');
  };

  return (
    <Panel title={t('outgoing.sign')} level={3}>
      <Text type="secondary">{t('outgoing.signHint')}</Text>
      <div style={{ marginTop: 12 }} data-testid="sign-position-picker">
        <Text strong>{t('outgoing.picker.title')}</Text>
        <div>
          <Text type="secondary" style={{ fontSize: 13 }}>
            {t('outgoing.picker.hint')}
          </Text>
        </div>
        <Flex gap={8} wrap align="center" style={{ margin: '8px 0' }}>
          <Segmented<Target>
            aria-label={t('outgoing.picker.target')}
            value={target}
            onChange={setTarget}
            options={[
              { value: 'signature', label: t('outgoing.picker.signature') },
              { value: 'number', label: t('outgoing.picker.number') },
              { value: 'placeDate', label: t('outgoing.picker.placeDate') },
            ]}
          />
          {pageCount > 1 ? (
            <Flex gap={4} align="center">
              <Button size="small" disabled={shownPage <= 1} onClick={() => goTo(shownPage - 1)}>
                {t('outgoing.picker.previous')}
              </Button>
              <Text>{t('outgoing.picker.pageOf', { page: shownPage, count: pageCount })}</Text>
              <Button size="small" disabled={shownPage >= pageCount} onClick={() => goTo(shownPage + 1)}>
                {t('outgoing.picker.next')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        {image === 'failed' ? (
          <Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t('outgoing.picker.noImage')}
          </Text>
        ) : null}
        <div
          ref={surface}
          data-testid="sign-page"
          data-page={shownPage}
          data-state={image}
          onPointerDown={(event) => {
            if (event.button === 0) {
              placeAt(event.clientX, event.clientY);
            }
          }}
          style={{
            position: 'relative',
            width: '100%',
            maxWidth: 560,
            aspectRatio: `${pageSize.width} / ${pageSize.height}`,
            boxShadow: '0 0 0 1px #d4d4d8',
            background: '#fff',
            cursor: 'crosshair',
            touchAction: 'none',
            userSelect: 'none',
            overflow: 'hidden',
          }}
        >
          {image === 'failed' ? null : (
            <img
              key={shownPage}
              src={pageImageUrl(doc.id, doc.currentVersion, shownPage)}
              alt={t('outgoing.picker.image', { page: shownPage })}
              draggable={false}
              onLoad={(event) => {
                const img = event.currentTarget;
                setPageSize({
                  width: img.naturalWidth / PAGE_PREVIEW_SCALE,
                  height: img.naturalHeight / PAGE_PREVIEW_SCALE,
                });
                setImage('shown');
              }}
              onError={() => setImage('failed')}
              style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
            />
          )}
          {image === 'loading' ? (
            <Text type="secondary" style={{ position: 'absolute', top: 8, left: 8 }}>
              {t('outgoing.picker.loading')}
            </Text>
          ) : null}
          {scale > 0
            ? boxes.map((which) => {
                const box = boxOf(placement, which);
                return (
                  <div
                    key={which}
                    data-testid={`sign-box-${which}`}
                    role="img"
                    aria-label={t(`outgoing.picker.${which}`)}
                    onPointerDown={startDrag(which)}
                    onPointerMove={moveDrag}
                    onPointerUp={endDrag}
                    onPointerCancel={endDrag}
                    style={{
                      position: 'absolute',
                      left: box.left * scale,
                      top: (pageSize.height - box.bottom - box.height) * scale,
                      width: box.width * scale,
                      height: box.height * scale,
                      border: `2px ${which === target ? 'solid' : 'dashed'} ${COLOURS[which]}`,
                      background: `${COLOURS[which]}1a`,
                      color: COLOURS[which],
                      fontSize: 11,
                      lineHeight: 1.1,
                      cursor: 'move',
                      touchAction: 'none',
                      overflow: 'hidden',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {which === 'signature' ? (
                      <>
                        <span
                          aria-hidden
                          style={{
                            position: 'absolute',
                            left: 0,
                            top: 0,
                            bottom: 0,
                            width: '33.3%',
                            borderRight: `1px dotted ${COLOURS.signature}`,
                            background: '#dc262622',
                          }}
                        />
                        <span style={{ position: 'absolute', left: 2, bottom: 1 }}>{t('outgoing.picker.seal')}</span>
                        <span style={{ position: 'absolute', left: '36%', top: 1 }}>
                          {t('outgoing.picker.signature')}
                        </span>
                      </>
                    ) : (
                      <span style={{ paddingLeft: 2 }}>
                        {t(which === 'number' ? 'outgoing.picker.numberSample' : 'outgoing.picker.placeDateSample')}
                      </span>
                    )}
                  </div>
                );
              })
            : null}
        </div>
      </div>

      <Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 13 }}>
        {t('outgoing.picker.fields')}
      </Text>
      <Flex gap={16} wrap style={{ marginTop: 4 }}>
        <PointFields
          label={t('outgoing.picker.numberCentre')}
          value={placement.number}
          onChange={(number) => setPlacement({ ...placement, number: { ...placement.number, ...number } })}
        />
        <PointFields
          label={t('outgoing.picker.placeDateAt')}
          value={placement.placeDate}
          onChange={(placeDate) => setPlacement({ ...placement, placeDate: { ...placement.placeDate, ...placeDate } })}
        />
        <div style={{ minWidth: 180 }}>
          <Text type="secondary" style={{ fontSize: 13 }}>
            {t('outgoing.signatureAt')}
          </Text>
          <Flex gap={4}>
            <InputNumber
              aria-label={`${t('outgoing.picker.signature')}: ${t('outgoing.page')}`}
              value={placement.signature.page}
              min={1}
              max={pageCount}
              onChange={(page) =>
                setPlacement({ ...placement, signature: { ...placement.signature, page: Number(page ?? 1) } })
              }
            />
            <InputNumber
              aria-label={`${t('outgoing.picker.signature')}: x`}
              value={placement.signature.x}
              min={0}
              max={600}
              onChange={(x) => setPlacement({ ...placement, signature: { ...placement.signature, x: Number(x ?? 0) } })}
            />
            <InputNumber
              aria-label={`${t('outgoing.picker.signature')}: y`}
              value={placement.signature.y}
              min={0}
              max={850}
              onChange={(y) => setPlacement({ ...placement, signature: { ...placement.signature, y: Number(y ?? 0) } })}
            />
          </Flex>
        </div>
      </Flex>
      <Button type="link" style={{ paddingLeft: 0 }} onClick={() => setPlacement(defaults(pageCount))}>
        {t('outgoing.picker.reset')}
      </Button>
      {sign.error ? <ErrorAlert error={sign.error} /> : null}
      <div>
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          loading={sign.isPending}
          onClick={() =>
            sign.mutate(
              {
                expectedVersion: doc.version,
                placement: {
                  number: { ...placement.number, align: 'center' },
                  placeDate: placement.placeDate,
                  signature: placement.signature,
                },
              },
              {
                onSuccess: (done) => void message.success(t('outgoing.signed', { number: done.numberSymbol ?? '' })),
              },
            )
          }
        >
          {t('outgoing.sign')}
        </Button>
      </div>
    </Panel>
  );
};

/** x and y of a line, in number fields (the keyboard's way to place it). */
const PointFields = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: { x: number; y: number };
  onChange: (value: { x: number; y: number }) => void;
}) => (
  <div style={{ minWidth: 180 }}>
    <Text type="secondary" style={{ fontSize: 13 }}>
      {label}
    </Text>
    <Flex gap={4}>
      <InputNumber
        aria-label={`${label}: x`}
        value={value.x}
        min={0}
        max={600}
        onChange={(x) => onChange({ ...value, x: Number(x ?? 0) })}
      />
      <InputNumber
        aria-label={`${label}: y`}
        value={value.y}
        min={0}
        max={850}
        onChange={(y) => onChange({ ...value, y: Number(y ?? 0) })}
      />
    </Flex>
  </div>
);
