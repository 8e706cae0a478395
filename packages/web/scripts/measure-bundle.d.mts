export type Size = { raw: number; gzip: number; files: number };
export type BundleReport = { shell: Size; pages: (Size & { name: string; budget: boolean })[]; everything: Size };
export declare const PAGES: { name: string; modules: string[]; budget?: boolean }[];
export declare const BUDGET_BYTES: number;
export declare const measureBundle: (distDir?: string) => BundleReport;
export declare const formatReport: (report: BundleReport, date?: string) => string;
export declare const writeReport: (markdown: string) => string;
