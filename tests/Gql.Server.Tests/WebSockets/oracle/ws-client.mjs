// The reference graphql-transport-ws client (npm graphql-ws) against our server. Usage:
//   node ws-client.mjs <ws-url> <topic> <count>
// Runs a query, an invalid query and a subscription on <topic> (the test publishes <count> events and then ends the
// stream), and prints what the client saw as JSON on stdout.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, topic, countText] = process.argv.slice(2);
const count = Number(countText);
const report = { ack: null, hello: null, me: null, validationErrors: null, events: [], completed: false, closeCode: null };

const guard = setTimeout(() => {
  report.error = 'timed out';
  console.log(JSON.stringify(report));
  process.exit(2);
}, 120_000);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: { token: 'secret' },
  on: {
    connected: (_socket, payload) => { report.ack = payload ?? null; },
    closed: (event) => { report.closeCode = event?.code ?? null; },
  },
});

/** Runs one operation to its end: resolves with its results and how it ended. */
function run(payload) {
  return new Promise((resolve) => {
    const results = [];
    client.subscribe(payload, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error: Array.isArray(error) ? error : { code: error?.code, reason: error?.reason, message: String(error?.message ?? error) } }),
      complete: () => resolve({ results, completed: true }),
    });
  });
}

try {
  const hello = await run({ query: '{ hello(name: "graphql-ws") }' });
  report.hello = hello.completed ? hello.results[0]?.data?.hello ?? null : hello;

  const me = await run({ query: '{ me }' });
  report.me = me.results[0]?.data?.me ?? null;

  const invalid = await run({ query: '{ nope }' });
  report.validationErrors = invalid.error ?? null;

  const subscription = await run({ query: 'subscription Events($t: String!) { events(topic: $t) }', variables: { t: topic }, operationName: 'Events' });
  report.events = subscription.results.map((r) => r.data?.events ?? r);
  report.completed = subscription.completed === true;
  if (subscription.error) {
    report.error = subscription.error;
  }
  report.expected = count;
} catch (error) {
  report.error = String(error?.stack ?? error);
}

await client.dispose();
clearTimeout(guard);
console.log(JSON.stringify(report));
