export { foldVietnamese, normalizeVietnamese } from './text/fold.js';
