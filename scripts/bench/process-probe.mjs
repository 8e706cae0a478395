// Preloaded (`node --import`) into a process a benchmark starts with an IPC channel: counts the statements
// the process sends through pg (request path, job handlers and pg-boss polling alike) and answers the
// message 'probe' with { statements, cpuMicros, systemMicros }: process.cpuUsage() of that process (user +
// system, and system alone: the kernel's share, socket writes among it). The benchmark takes the differences between two probes.
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  statements += 1;
  return query.apply(this, args);
};

if (process.send) {
  process.on('message', (message) => {
    if (message === 'probe') {
      const { user, system } = process.cpuUsage();
      process.send({ statements, cpuMicros: user + system, systemMicros: system });
    }
  });
  // The channel must not keep a stopping process alive.
  process.channel?.unref();
}
