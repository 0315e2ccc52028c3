import { InstanceLockError, ServiceConfigError, startService, type RunningService, type ServiceConfig } from '@einvoice-hub/service';
import { EXIT, UsageError, writeText, type CommandIo } from './io.js';
import { waitForStopSignal } from './signals.js';

/**
 * Runs the service until SIGINT or SIGTERM, then shuts it down gracefully (requests and jobs in progress
 * finish). `announce` prints what the user needs once it is up.
 */
export async function runService(
  command: string,
  config: ServiceConfig,
  roles: { api: boolean; worker: boolean },
  io: CommandIo,
  announce: (service: RunningService) => string,
): Promise<number> {
  // Listen before starting: a signal that arrives during start-up stops the service once it is up.
  const stopSignal = waitForStopSignal();
  let service: RunningService;
  try {
    service = await startService(config, roles);
  } catch (error) {
    if (error instanceof ServiceConfigError) throw new UsageError(error.message, { cause: error });
    await writeText(io.stderr, `einvoice ${command}: the service cannot start: ${describe(error)}\n`);
    return EXIT.failed;
  }
  await writeText(io.stdout, announce(service));
  const signal = await stopSignal;
  await writeText(io.stderr, `Received ${signal}: stopping (requests and jobs in progress finish first)…\n`);
  await service.close();
  return EXIT.ok;
}

function describe(error: unknown): string {
  if (error instanceof InstanceLockError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message}${cause}`;
}
