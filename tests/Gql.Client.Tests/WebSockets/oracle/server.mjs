// The reference graphql-transport-ws server (npm graphql-ws on ws) that WebSocketTransportTests run our client against.
// Usage: node server.mjs [port]   (0 or nothing: a free port). Prints "LISTENING <port>" once it accepts connections.
// Credentials: connection_init must carry { authorization: "Bearer good-token" }; anything else is closed with 4403,
// and "Bearer slow-token" is answered only after 5 s (refused then), so the client's ack timeout fires first. An upgrade request with the header x-block: yes gets HTTP 401.
// Counters (Query.stats) let a test see what the server observed: connections, pings, pongs, client Completes.
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

const ValidAuthorization = 'Bearer good-token';

const schema = buildSchema(`
  type Query {
    hello(name: String): String!
    stats: Stats!
    whoami: Identity!
  }

  type Mutation {
    increment(by: Int!): Int!
    "Makes the server send a protocol ping to this connection; the client must answer with a pong."
    sendPing: Boolean!
    "Answers after ms milliseconds (for a connection that drops while a mutation is in flight)."
    slow(ms: Int!): Int!
    "Closes this connection with the code at once; the mutation's own result is never sent."
    closeConnection(code: Int!, reason: String): Boolean!
  }

  type Subscription {
    countdown(from: Int!): Int!
    greetings: String!
    "Yields 1, 2, 3; the event for 2 carries a field error."
    failing: Int
    "Never completes on its own: 1, 2, 3, ... every intervalMs."
    endless(intervalMs: Int = 20): Int!
  }

  type Stats {
    connections: Int!
    accepted: Int!
    rejected: Int!
    pings: Int!
    pongs: Int!
    endlessStarted: Int!
    endlessStopped: Int!
    counter: Int!
    slowStarted: Int!
    upgradesRefused: Int!
    "The close codes of the connections that ended, in order."
    closeCodes: [Int!]!
  }

  type Identity {
    authorization: String
    cookie: String
    userAgent: String
  }
`);

const stats = { connections: 0, accepted: 0, rejected: 0, pings: 0, pongs: 0, endlessStarted: 0, endlessStopped: 0, counter: 0, slowStarted: 0, upgradesRefused: 0, closeCodes: [] };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const roots = {
  query: {
    hello: ({ name }) => `Hello, ${name ?? 'world'}!`,
    stats: () => ({ ...stats, closeCodes: [...stats.closeCodes] }),
    whoami: (_args, ctx) => ({
      authorization: ctx.connectionParams?.authorization ?? null,
      cookie: ctx.extra.request.headers.cookie ?? null,
      userAgent: ctx.extra.request.headers['user-agent'] ?? null,
    }),
  },
  mutation: {
    increment: ({ by }) => (stats.counter += by),
    sendPing: async (_args, ctx) => {
      ctx.extra.socket.send(JSON.stringify({ type: 'ping', payload: { from: 'server' } }));
      return true;
    },
    closeConnection: ({ code, reason }, ctx) => {
      ctx.extra.socket.close(code, reason ?? 'Closed by the test');
      return true;
    },
    slow: async ({ ms }) => {
      stats.slowStarted++;
      await sleep(ms);
      return ms;
    },
  },
  subscription: {
    countdown: async function* ({ from }) {
      for (let i = from; i >= 0; i--) {
        yield { countdown: i };
        await sleep(5);
      }
    },
    greetings: async function* () {
      for (const hi of ['Hi', 'Bonjour', 'Hola', 'Ciao', 'Zdravo']) {
        yield { greetings: hi };
      }
    },
    failing: async function* () {
      for (let i = 1; i <= 3; i++) {
        // A function value is resolved per event by graphql-js: throwing makes a field error for that event only.
        yield { failing: i === 2 ? () => { throw new Error('Two is not allowed.'); } : i };
      }
    },
    endless: async function* ({ intervalMs }) {
      stats.endlessStarted++;
      try {
        for (let i = 1; ; i++) {
          yield { endless: i };
          await sleep(intervalMs);
        }
      } finally {
        // Runs when the client sends Complete (or the socket closes): the server stops the source stream.
        stats.endlessStopped++;
      }
    },
  },
};

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({
  server,
  path: '/graphql',
  verifyClient: ({ req }) => {
    if (req.headers['x-block'] === 'yes') {
      stats.upgradesRefused++;
      return false;
    }

    return true;
  },
});
wss.on('connection', () => stats.connections++);

useServer(
  {
    schema,
    // graphql-js calls root functions as (args, contextValue, info); the graphql-ws context object is the context.
    context: (ctx) => ctx,
    roots,
    onConnect: async (ctx) => {
      if (ctx.connectionParams?.authorization === 'Bearer slow-token') {
        await sleep(5000);
        return false;
      }

      if (ctx.connectionParams?.authorization !== ValidAuthorization) {
        stats.rejected++;
        return false;
      }

      stats.accepted++;
      return true;
    },
    onPing: () => {
      stats.pings++;
    },
    onPong: () => {
      stats.pongs++;
    },
    onClose: (_ctx, code) => {
      stats.closeCodes.push(code);
    },
  },
  wss,
);

const port = Number(process.argv[2] ?? 0);
server.listen(port, '127.0.0.1', () => {
  console.log(`LISTENING ${server.address().port}`);
});

// The test kills this process or closes its stdin; either ends it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
