import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** A file of an installed package, found through its package.json (the packages do not export these paths). */
function packageFile(packageName: string, file: string): Buffer {
  return readFileSync(path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file));
}

/** Starts GraphiQL against this service's endpoint; a file of its own, so the page needs no inline script. */
const START = `ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: location.pathname, headers: { 'apollo-require-preflight': 'true' } }),
    defaultEditorToolsVisibility: true,
  }),
);`;

const PAGE = (base: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI governance registry: GraphiQL</title>
<link rel="stylesheet" href="${base}/graphiql.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${base}/react.js"></script>
<script src="${base}/react-dom.js"></script>
<script src="${base}/graphiql.js"></script>
<script src="${base}/start.js"></script>
</body>
</html>
`;

/** Everything the page loads comes from here: nothing is fetched from another origin. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'";

/**
 * Serves GraphiQL at GET `endpoint` for browsers (a request that accepts text/html), from the project's installed
 * packages (graphiql's and React's browser builds, loaded into memory once), so that it works offline and behind
 * a firewall. Other GET requests to the endpoint go on to the GraphQL handler.
 */
export function serveGraphiql(fastify: FastifyInstance, endpoint: string): void {
  const base = `${endpoint.replace(/\/$/, '')}-assets`;
  const assets = new Map<string, { type: string; body: Buffer }>([
    ['react.js', { type: 'text/javascript', body: packageFile('react', 'umd/react.production.min.js') }],
    ['react-dom.js', { type: 'text/javascript', body: packageFile('react-dom', 'umd/react-dom.production.min.js') }],
    ['graphiql.js', { type: 'text/javascript', body: packageFile('graphiql', 'graphiql.min.js') }],
    ['graphiql.css', { type: 'text/css', body: packageFile('graphiql', 'graphiql.min.css') }],
    ['start.js', { type: 'text/javascript', body: Buffer.from(START) }],
  ]);
  const page = PAGE(base);

  fastify.get<{ Params: { file: string } }>(`${base}/:file`, async (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.code(404).send({ message: 'not found' });
    return reply
      .type(`${asset.type}; charset=utf-8`)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(asset.body);
  });

  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== endpoint) return;
    if (!request.headers.accept?.includes('text/html')) return;
    await reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .send(page);
  });
}
