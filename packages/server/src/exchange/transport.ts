import type { ExchangeOrgan } from '@motcua/domain';

/**
 * How exchange packages and status messages leave and reach this install (QĐ 28/2018/QĐ-TTg: through the
 * national document axis, which a province reaches through its LGSP and the NDXP [RECALL]). The use-cases
 * (usecases/eoffice/exchange/) build and check the edXML; a transport only carries bytes. motcua ships the
 * 'file' transport: a package is handed to the clerk to download and carry (email, a USB stick, another
 * system's upload page), and a received one is uploaded. Connecting a provincial LGSP is another
 * implementation of this interface (docs/exchange.md says what it must do), not a change of the use-cases.
 */

/** One edXML text ready to travel: a package or a batch of status messages. */
export type ExchangeFile = { kind: 'package' | 'status'; fileName: string; content: Buffer; sha256: string };

/** What a transport did with a file: handed it back for download ('file') or sent it (an axis adapter). */
export type SendOutcome = {
  transport: string;
  handedOver: 'download' | 'sent';
  /** The axis's own reference of the message (its tracking id), when it gives one. */
  reference: string | null;
};

/** A file received from elsewhere, not yet checked. */
export type InboundExchangeFile = { content: Buffer; source: string };

export type ExchangeTransport = {
  /** Stored with each exported package ('file', 'lgsp-hy', …). */
  readonly name: string;
  /** Sends a package to the receiving organs named in it. */
  sendPackage: (file: ExchangeFile, to: readonly ExchangeOrgan[]) => Promise<SendOutcome>;
  /** Sends status messages to the organ that sent the package. */
  sendStatus: (file: ExchangeFile, to: ExchangeOrgan) => Promise<SendOutcome>;
  /**
   * The packages and status messages waiting for this install (an adapter polls its axis; the importer
   * takes each through the same use-cases as an upload and acknowledges it). The file transport has
   * nothing to poll: its files arrive as uploads.
   */
  receive: (signal: AbortSignal) => AsyncIterable<InboundExchangeFile>;
};

/** The file transport: nothing leaves by itself; the clerk downloads the file and carries it. */
export const createFileExchangeTransport = (): ExchangeTransport => ({
  name: 'file',
  sendPackage: async () => ({ transport: 'file', handedOver: 'download', reference: null }),
  sendStatus: async () => ({ transport: 'file', handedOver: 'download', reference: null }),
  receive: async function* () {
    // Uploads come through POST /api/v1/document-exchange/packages/import and …/status-messages/import.
  },
});

const FILE_TRANSPORT = createFileExchangeTransport();

/**
 * The transport this install uses. The one place an LGSP/NDXP adapter plugs in: return it here (chosen by a
 * setting of the install), and start a worker that drains its `receive` into the import use-cases.
 */
export const exchangeTransport = (): ExchangeTransport => FILE_TRANSPORT;
