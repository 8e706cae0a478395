import useMessage from 'antd/es/message/useMessage';
import { type ReactNode, useEffect } from 'react';

export type Notice = { id: number; type: 'success'; content: ReactNode };

/** Shows the queued confirmations with antd's message (see ./MessageProvider.tsx). */
export const MessageHost = ({ queue, onShown }: { queue: Notice[]; onShown: (ids: number[]) => void }) => {
  const [api, holder] = useMessage();
  useEffect(() => {
    if (queue.length === 0) {
      return;
    }
    for (const notice of queue) {
      void api.open({ type: notice.type, content: notice.content });
    }
    onShown(queue.map((notice) => notice.id));
  }, [api, queue, onShown]);
  return holder;
};
