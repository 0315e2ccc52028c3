import { readFile } from 'node:fs/promises';
import type { ServiceConfig } from '@einvoice-hub/service';
import { loadConfig } from '@einvoice-hub/service';
import { UsageError } from './io.js';

/**
 * The service configuration of a command: flags > environment > `--config` file > defaults. Every
 * problem — an unreadable file included — is reported at once, as a usage error (exit 2).
 */
export async function resolveServiceConfig(options: { flags: Record<string, unknown>; configFile: string | undefined; env: NodeJS.ProcessEnv }): Promise<ServiceConfig> {
  const problems: string[] = [];
  let file: Record<string, unknown> | undefined;
  if (options.configFile !== undefined) {
    try {
      const value: unknown = JSON.parse(await readFile(options.configFile, 'utf8'));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) file = value as Record<string, unknown>;
      else problems.push(`${options.configFile}: the config file must hold a JSON object`);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      problems.push(`${options.configFile}: ${code === 'ENOENT' ? 'no such file' : (cause as Error).message}`);
    }
  }
  const result = loadConfig({ flags: options.flags, env: options.env, ...(file ? { file } : {}) });
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) throw new UsageError(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return result.config;
}
