export { main } from './main.js';
export type { CommandIo } from './io.js';
