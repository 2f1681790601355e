// The reference GraphQL over SSE client (npm graphql-sse, distinct connections mode) against our server. Usage:
//   node sse-client.mjs <http-url> <topic> <count>
// Runs a query, an invalid query and a subscription on <topic> (the test publishes <count> events and then ends the
// stream), and prints what the client saw as JSON on stdout.
import { createClient } from 'graphql-sse';

const [url, topic, countText] = process.argv.slice(2);
const report = { hello: null, validationErrors: null, events: [], completed: false, expected: Number(countText) };

const guard = setTimeout(() => {
  report.error = 'timed out';
  console.log(JSON.stringify(report));
  process.exit(2);
}, 120_000);

const client = createClient({ url, singleConnection: false, retryAttempts: 0 });

function run(payload) {
  return new Promise((resolve) => {
    const results = [];
    client.subscribe(payload, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, error: String(error?.message ?? error) }),
      complete: () => resolve({ results, completed: true }),
    });
  });
}

try {
  const hello = await run({ query: '{ hello(name: "graphql-sse") }' });
  report.hello = hello.completed ? hello.results[0]?.data?.hello ?? null : hello;

  const invalid = await run({ query: '{ nope }' });
  report.validationErrors = invalid.completed ? invalid.results[0]?.errors ?? null : invalid;

  const subscription = await run({ query: 'subscription Events($t: String!) { events(topic: $t) }', variables: { t: topic }, operationName: 'Events' });
  report.events = subscription.results.map((r) => r.data?.events ?? r);
  report.completed = subscription.completed === true;
  if (subscription.error) {
    report.error = subscription.error;
  }
} catch (error) {
  report.error = String(error?.stack ?? error);
}

client.dispose();
clearTimeout(guard);
console.log(JSON.stringify(report));
