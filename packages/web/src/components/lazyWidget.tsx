import { lazy, type ReactNode, Suspense } from 'react';
import { PageLoading } from './PageLoading';

/**
 * A part of a page whose code loads when it is first shown, not with the page (a later step of a
 * wizard, a dialog, a table that waits for its data anyway): the page's first load stays small (issue
 * 16, ≤ 300 KB gzip). Until the code is there the reader sees an accessible loading state (`fallback`,
 * by default PageLoading: role="status" with a text). `preload()` starts fetching it earlier, e.g. when
 * the page shows, so that the step is ready when the reader gets there.
 */
type Module<P> = { default: (props: P) => ReactNode };

export const lazyWidget = <P extends object>(load: () => Promise<Module<P>>, fallback: ReactNode = <PageLoading />) => {
  let loading: Promise<Module<P>> | undefined;
  const preload = () => {
    // A failed fetch (the network dropped) is tried again on the next render.
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const Lazy = lazy(preload);
  const Widget = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  return Object.assign(Widget, { preload });
};
