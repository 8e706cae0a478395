/** The version of motcua, shown by --version and written into backups. */
export const VERSION = '0.1.0';
