// The intake benchmark's load generator, in a process of its own so that it takes no CPU from the process
// it measures: autocannon posting counter intakes, the desks rotating over the given agencies. Started by
// scripts/bench/intake.mjs with one JSON argument { url, connections, seconds, headers, bodies }; prints
// autocannon's result as one JSON line on stdout.
import autocannon from 'autocannon';

const { url, connections, seconds, headers, bodies } = JSON.parse(process.argv[2] ?? '{}');
let next = 0;
const result = await autocannon({
  url,
  method: 'POST',
  connections,
  duration: seconds,
  headers,
  requests: [
    {
      setupRequest: (request) => {
        request.body = bodies[next % bodies.length];
        next += 1;
        return request;
      },
    },
  ],
});
process.stdout.write(`${JSON.stringify(result)}\n`);
