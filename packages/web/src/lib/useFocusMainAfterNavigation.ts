import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app (a link or a button that led to another page, signing in),
 * the element that had the keyboard focus is usually gone with the old page, and the browser
 * drops the focus: the next Tab would start from nowhere. This puts it on the new page's main
 * content (`#main`, focusable with tabIndex -1, no ring), so that Tab goes on from there and a
 * screen reader reads the new page. Not on the page the browser loaded, where the first Tab
 * reaches the skip link.
 */
export const useFocusMainAfterNavigation = (): void => {
  const { key } = useLocation();
  useEffect(() => {
    // React Router's key of the location the browser loaded.
    if (key === 'default') {
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) {
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [key]);
};
