import { foldVietnamese, normalizeVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { clipText } from './clip-text.js';
import { canonicalizeJson } from './content-hash.js';
import { buildChannelFees } from './normalize-fees.js';
import { splitDescriptionPrefix, splitUnparsedChannelText } from './parse-channel-text.js';
import { buildDuration, parseTimeNumber } from './parse-duration.js';
import { parseFeeColumn } from './parse-money.js';
import type { Channel, ChannelRule, ProcedureDuration } from './procedure.js';

/**
 * Channel rows (cách thức thực hiện) → channel rules: one rule per published row, so per-case
 * rows ("Trường hợp …") keep their own time and fee; exact duplicates are merged.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CHANNELS: ReadonlyMap<string, Channel> = new Map([
  ['truc tiep', 'direct'],
  ['nop truc tiep', 'direct'],
  ['truc tuyen', 'online'],
  ['nop truc tuyen', 'online'],
  ['dich vu buu chinh', 'postal'],
  ['buu chinh', 'postal'],
  ['buu chinh cong ich', 'postal'],
  ['dich vu buu chinh cong ich', 'postal'],
  ['qua dich vu buu chinh', 'postal'],
]);

export const parseChannel = (text: string): Channel | undefined => CHANNELS.get(foldVietnamese(text));

const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

const readTimeValue = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string') {
    return parseTimeNumber(value.trim());
  }
  return undefined;
};

const readText = (value: unknown): string | undefined => {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = normalizeVietnamese(value);
  return text === '' ? undefined : text;
};

const formatTimeText = (value: number, unit: string | undefined): string =>
  unit === undefined ? String(value) : `${value} ${unit}`;

export interface ChannelsResult {
  readonly channels: ChannelRule[];
  readonly issues: CatalogIssue[];
}

export const normalizeChannels = (rows: unknown, feeNotes: unknown, path = 'channels'): ChannelsResult => {
  const issues: CatalogIssue[] = [];
  if (!Array.isArray(rows)) {
    if (rows !== undefined && rows !== null) {
      issues.push(createIssue('VALUE_TYPE_INVALID', path, { expected: 'array' }));
    }
    issues.push(createIssue('CHANNELS_MISSING', path));
    return { channels: [], issues };
  }
  const notes = Array.isArray(feeNotes) ? feeNotes : [];

  const channels: ChannelRule[] = [];
  const firstRowOf = new Map<string, number>();
  const addRule = (rule: ChannelRule, index: number): void => {
    const identity = canonicalizeJson(rule);
    const first = firstRowOf.get(identity);
    if (first !== undefined) {
      issues.push(createIssue('CHANNEL_DUPLICATE_MERGED', `${path}[${index}]`, { first: `${path}[${first}]` }));
      return;
    }
    firstRowOf.set(identity, index);
    channels.push(rule);
  };

  rows.forEach((row, index) => {
    const field = `${path}[${index}]`;
    if (!isObject(row)) {
      issues.push(createIssue('VALUE_TYPE_INVALID', field, { expected: 'object' }));
      return;
    }
    const channelText = readText(row.channel) ?? '';
    const channel = parseChannel(channelText);
    if (channel === undefined) {
      issues.push(createIssue('CHANNEL_UNKNOWN_DROPPED', `${field}.channel`, { value: channelText }));
      return;
    }

    const noteIndex = row.fee_note_index;
    let note = typeof noteIndex === 'number' && Number.isInteger(noteIndex) ? readText(notes[noteIndex]) : undefined;
    let timeValue = readTimeValue(row.time_value);
    let timeUnit = readText(row.time_unit);
    let timeText = timeValue === undefined ? undefined : formatTimeText(timeValue, timeUnit);
    let timeField = `${field}.time_value`;
    let fee = readText(row.fee);

    const unparsed = readText(row.unparsed);
    if (unparsed !== undefined) {
      const parts = splitUnparsedChannelText(unparsed);
      if (parts === undefined) {
        // Keep the text for a human; a wrong time or fee would be worse than none.
        issues.push(createIssue('CHANNEL_UNPARSED', `${field}.unparsed`, { text: clipText(unparsed, 200) }));
        addRule({ channel, duration: null, fees: [], feeText: clipText(unparsed, 10_000) }, index);
        return;
      }
      if (timeValue === undefined && parts.timeValue !== undefined) {
        timeValue = parts.timeValue;
        timeUnit = parts.timeUnit;
        timeText = parts.timeText;
      }
      fee ??= parts.fee;
      // The description after the glued cells is the same text as the row's note, minus the
      // cells; prefer it.
      note = parts.note === '' ? undefined : normalizeVietnamese(parts.note);
      timeField = `${field}.unparsed`;
      issues.push(
        createIssue('CHANNEL_UNPARSED_REPAIRED', `${field}.unparsed`, {
          text: clipText(unparsed, 200),
          time: timeText ?? '—',
          fee: fee ?? '—',
        }),
      );
    } else if (note !== undefined && (timeValue === undefined || fee === undefined)) {
      const parts = splitDescriptionPrefix(note, { time: timeValue === undefined, fee: fee === undefined });
      if (parts.fee !== undefined) {
        fee = parts.fee;
        issues.push(createIssue('FEE_SPLIT_FROM_DESCRIPTION', `${field}.fee_note_index`, { fee: parts.fee }));
      }
      if (parts.timeValue !== undefined) {
        timeValue = parts.timeValue;
        timeUnit = parts.timeUnit;
        timeText = parts.timeText;
        timeField = `${field}.fee_note_index`;
        issues.push(createIssue('TIME_FROM_DESCRIPTION', timeField, { time: parts.timeText ?? '' }));
      }
      note = parts.note === '' ? undefined : normalizeVietnamese(parts.note);
    }

    let duration: ProcedureDuration | null = null;
    if (timeValue === undefined) {
      issues.push(createIssue('TIME_MISSING', timeField));
    } else {
      const built = buildDuration(timeValue, timeUnit, timeField);
      duration = built.duration;
      issues.push(...built.issues);
    }

    const fees = buildChannelFees(parseFeeColumn(fee), note, `${field}.fee`);
    issues.push(...fees.issues);

    const rule: ChannelRule = {
      channel,
      duration,
      fees: fees.fees,
      ...(note === undefined ? {} : { feeText: clipText(note, 10_000) }),
      ...(timeText === undefined ? {} : { durationText: clipText(normalizeVietnamese(timeText), 500) }),
    };
    addRule(rule, index);
  });

  for (const channel of ['direct', 'online', 'postal'] as const) {
    const count = channels.filter((rule) => rule.channel === channel).length;
    if (count > 1) {
      issues.push(createIssue('CHANNEL_MULTIPLE_RULES', path, { channel: CHANNEL_LABELS[channel], count }));
    }
  }
  if (channels.length === 0) {
    issues.push(createIssue('CHANNELS_MISSING', path));
  }
  return { channels, issues };
};
