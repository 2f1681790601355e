// Runs every graphql-http server audit (the GraphQL-over-HTTP conformance checks) against the URL given as the
// first argument and prints one JSON array: [{ id, name, status: "ok" | "warn" | "error", reason? }].
// Used by GraphQLHttpAuditTests; run by hand with: node audit.mjs http://127.0.0.1:5000/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  // Sequential, so that a 2-core machine is not flooded and the server's log reads in order.
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    ...(result.status === 'ok' ? {} : { reason: result.reason }),
  });
}

process.stdout.write(JSON.stringify(results));
