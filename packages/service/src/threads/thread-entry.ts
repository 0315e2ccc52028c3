/**
 * The start-up script of a worker thread running the module at `moduleUrl` (a `.js` URL beside the
 * caller's built file), for `new Worker(script, { eval: true })`. From source — the tests run TypeScript
 * through tsx — the `.ts` file is loaded instead, once tsx is registered in the thread: a worker does not
 * inherit the main thread's module loader. A module that fails to load ends the thread with its error.
 */
export function threadEntry(callerUrl: string, moduleName: string): string {
  const source = callerUrl.endsWith('.ts');
  const url = new URL(`./${moduleName}.${source ? 'ts' : 'js'}`, callerUrl).href;
  const load = `import(${JSON.stringify(url)})`;
  const script = source ? `import('tsx/esm/api').then(({ register }) => { register(); return ${load}; })` : load;
  return `${script}.catch((error) => { process.nextTick(() => { throw error; }); });`;
}
