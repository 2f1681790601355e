// graphql-js as the arbiter: reads one JSON command on stdin, writes one JSON answer on stdout.
//   { "command": "introspectionQuery" }                       -> { "query": "<getIntrospectionQuery with every option>" }
//   { "command": "compare", "sdl": "...", "introspection": {} } -> { "same": bool, "fromSdl": "...", "fromIntrospection": "..." }
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
}));

const print = (schema) => printSchema(lexicographicSortSchema(schema));
let answer;
switch (input.command) {
  case 'introspectionQuery':
    answer = {
      query: getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    };
    break;
  case 'compare': {
    const fromSdl = print(buildSchema(input.sdl));
    const fromIntrospection = print(buildClientSchema(input.introspection));
    answer = { same: fromSdl === fromIntrospection, fromSdl, fromIntrospection };
    break;
  }
  default:
    throw new Error(`unknown command ${input.command}`);
}
process.stdout.write(JSON.stringify(answer));
