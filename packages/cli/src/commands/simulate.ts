import { parseArgs } from 'node:util';
import { createDvcqgSimulator, DEFAULT_SIMULATOR_PASSWORD, DEFAULT_SIMULATOR_USERNAME } from '@motcua/server';
import { type Command, UsageError } from '../io.js';

const readInteger = (value: string | undefined, name: string, min: number, max: number): number | undefined => {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be an integer between ${min} and ${max}`);
  }
  return Number(value);
};

/**
 * A simulator of the national public-service portal (Cổng DVCQG) for the demo and manual tests: it
 * authenticates, validates the dossier and progress messages against the documented fields, stores them, serves
 * a catalog from the real national data, and can be told to be slow, to fail, to reject or to be down
 * (packages/server/src/integration/dvcqg/simulator.ts). Nothing is kept after it stops.
 */
export const simulateDvcqgCommand: Command = {
  path: ['simulate', 'dvcqg'],
  summary: 'Run a simulator of the national public-service portal (Cổng DVCQG) for the demo and tests',
  usage:
    'motcua simulate dvcqg [--port 8790] [--host 127.0.0.1] [--username motcua] [--password motcua-sim]\n' +
    '                      [--dstcode CODE] [--session-minutes 30]',
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8790' },
        host: { type: 'string', default: '127.0.0.1' },
        username: { type: 'string', default: DEFAULT_SIMULATOR_USERNAME },
        password: { type: 'string', default: DEFAULT_SIMULATOR_PASSWORD },
        dstcode: { type: 'string' },
        'session-minutes': { type: 'string', default: '30' },
      },
      strict: true,
    });
    const port = readInteger(values.port, 'port', 0, 65_535) as number;
    const sessionMinutes = readInteger(values['session-minutes'], 'session-minutes', 1, 10_080) as number;
    const app = createDvcqgSimulator({
      username: values.username,
      password: values.password,
      sessionTtlMs: sessionMinutes * 60_000,
      ...(values.dstcode === undefined ? {} : { dstCode: values.dstcode }),
    });
    const address = await app.listen({ port, host: values.host });
    io.out(`motcua: DVCQG simulator listening on ${address}`);
    io.out(`  authentication endpoint: ${address}/auth   (username "${values.username}")`);
    io.out(`  service endpoint:        ${address}/service`);
    io.out(`  control: POST ${address}/_sim/mode {"mode":"ok|slow|fail|reject|down"}, GET ${address}/_sim/stats`);
    const stop = () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return undefined;
  },
};
