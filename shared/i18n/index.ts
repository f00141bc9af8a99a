/** The one message system: catalogs (en.ts, ar.ts), messages as data (message.ts), and their rendering (format.ts). */
export * from './message';
export * from './format';
