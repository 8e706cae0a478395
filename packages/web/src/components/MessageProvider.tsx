import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useMemo, useState } from 'react';
import type { Notice } from './MessageHost';

/*
 * The console's short confirmations ("Đã lưu"). antd's App would bring its message, notification and
 * modal hooks (18 KB gzip) to every console page; antd's message alone still 8 KB. Its code loads with
 * the first confirmation, which is shown as soon as it arrives.
 */
const MessageHost = lazy(() => import('./MessageHost').then((m) => ({ default: m.MessageHost })));

export type ConsoleMessage = { success: (content: ReactNode) => void };

const MessageContext = createContext<ConsoleMessage | null>(null);

let lastId = 0;

export const MessageProvider = ({ children }: { children: ReactNode }) => {
  const [queue, setQueue] = useState<Notice[]>([]);
  // Once there, the host stays: it holds the messages on screen.
  const [hosted, setHosted] = useState(false);
  const api = useMemo<ConsoleMessage>(
    () => ({
      success: (content) => {
        lastId += 1;
        const notice = { id: lastId, type: 'success' as const, content };
        setQueue((current) => [...current, notice]);
        setHosted(true);
      },
    }),
    [],
  );
  const onShown = useCallback((ids: number[]) => setQueue((current) => current.filter((n) => !ids.includes(n.id))), []);
  return (
    <MessageContext.Provider value={api}>
      {children}
      {hosted ? (
        <Suspense fallback={null}>
          <MessageHost queue={queue} onShown={onShown} />
        </Suspense>
      ) : null}
    </MessageContext.Provider>
  );
};

/** The console's message API; outside a MessageProvider it is a programming error. */
export const useConsoleMessage = (): ConsoleMessage => {
  const api = useContext(MessageContext);
  if (!api) {
    throw new Error('useConsoleMessage outside MessageProvider');
  }
  return api;
};
