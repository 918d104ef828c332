/**
 * A measuring prototype, not a feature (issue 16): what a server-rendered first screen would
 * give the resident's view. A proxy in front of the built server passes every request through,
 * except the page itself: into its `<div id="app">` it writes the markup the real app rendered
 * for the same resident a moment before (captured by the bench), as a server rendering /aanvragen
 * would. The app's scripts still load and mount as they do now.
 *
 * What it leaves out, so the figure is an upper bound: rendering the page on the server (the
 * list's query and Vue's renderToString, a few milliseconds each here), compressing the
 * page (it is sent as it is), and hydration (the app mounts over the markup as it does over the
 * loading line, so a real build would hydrate instead of rendering again).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerRenderedProxy {
  origin: string;
  stop: () => Promise<void>;
}

/** The page with `markup` inside `<div id="app">` in place of its loading line. */
export function withFirstScreen(html: string, markup: string): string {
  const open = html.indexOf('<div id="app">');
  // #app is the last element of <body>: its loading line ends at the last </div>.
  const close = html.lastIndexOf('</div>', html.indexOf('</body>'));
  if (open < 0 || close < open) throw new Error('server-rendered proxy: no <div id="app"> in the page');
  return `${html.slice(0, open + '<div id="app">'.length)}${markup}${html.slice(close)}`;
}

export async function startServerRenderedProxy(
  target: URL,
  pagePath: string,
  markup: () => string,
): Promise<ServerRenderedProxy> {
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const isPage = incoming.method === 'GET' && new URL(path, target).pathname === pagePath;
    const headers = { ...incoming.headers, host: target.host };
    // The page is changed on its way, so it is asked for uncompressed.
    if (isPage) delete headers['accept-encoding'];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path, method: incoming.method, headers },
      (answer: IncomingMessage) => {
        const type = String(answer.headers['content-type'] ?? '');
        if (!isPage || !type.startsWith('text/html')) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = withFirstScreen(Buffer.concat(chunks).toString('utf8'), markup());
          const { etag: _etag, 'content-length': _length, ...rest } = answer.headers;
          outgoing.writeHead(answer.statusCode ?? 200, { ...rest, 'content-length': Buffer.byteLength(body) });
          outgoing.end(body);
        });
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
