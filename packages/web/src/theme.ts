import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG 2.1 AA contrast on white (4.5:1 for text): antd's default secondary
 * text (45 % black, 2.9:1) and error red #ff4d4f (3.3:1) fall short, so they are darkened here;
 * success and warning text use TEXT_SUCCESS and TEXT_WARNING. The primary red is the colour of the national emblem's field, 6.6:1 on white.
 */
export const PRIMARY = '#b71c1c';
/** Text colours for success and warning messages, AA on white (antd's seeds are too light for text). */
export const TEXT_SUCCESS = '#1e6b00';
export const TEXT_WARNING = '#8a4b00';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: '#a31515',
    colorError: '#c41d1d',
    colorInfo: '#0b5cad',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: '#8e1515', siderBg: '#ffffff', headerPadding: '0 16px' },
    Menu: { itemSelectedColor: '#8e1515' },
  },
};

/** The colours of a province's site (issue 22 item 4); its primary carries white text (the server checks AA). */
export type SiteColours = { colourPrimary: string; colourAccent: string };

/**
 * The portal's theme for a province's site: its primary colour for buttons, links and the header. Nested in the
 * app's ConfigProvider, so everything else stays as `theme` sets it; without a site the portal keeps that look.
 */
export const siteTheme = (site: SiteColours): ThemeConfig => ({
  token: { colorPrimary: site.colourPrimary, colorLink: site.colourPrimary },
  components: {
    Layout: { headerBg: site.colourPrimary },
    Menu: { itemSelectedColor: site.colourPrimary },
  },
});

/** The same colours as CSS variables, for the portal's own styles (navigation, the header's accent line). */
export const siteCssVariables = (site: SiteColours): Record<string, string> => ({
  '--site-primary': site.colourPrimary,
  '--site-accent': site.colourAccent,
});
