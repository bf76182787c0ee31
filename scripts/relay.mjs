#!/usr/bin/env node
// `npm run relay [-- --port 1234 --host 127.0.0.1 --record traffic.log]`: the standard Yjs
// WebSocket relay (@y/websocket-server), one room per path. It merges Yjs updates and passes
// awareness along; it never holds a room key, so the text it relays is sealed (docs/decisions.md).
// --record appends every message it receives or sends, base64, one per line: the tests read it to
// check that no label or note crosses the wire in the clear.
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const USAGE = 'npm run relay -- [--port 1234] [--host 127.0.0.1] [--record file]';

let values;
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string', default: process.env.PORT ?? '1234' }, host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' }, record: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${error.message}\nUsage: ${USAGE}`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (got "${values.port}").\nUsage: ${USAGE}`);
  process.exit(2);
}

const record = values.record ? (direction, data) => appendFileSync(values.record, `${direction} ${Buffer.from(data).toString('base64')}\n`) : null;

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('Faultline relay: connect with a WebSocket to /<room>\n');
});
// 8 MB per message: a whole 5,000-node diagram syncs in well under that.
const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
wss.on('connection', (conn, request) => {
  if (record) {
    conn.on('message', (data) => record('in', data));
    const send = conn.send.bind(conn);
    conn.send = (data, ...rest) => {
      record('out', data);
      return send(data, ...rest);
    };
  }
  setupWSConnection(conn, request);
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.on('error', (error) => {
  console.error(`The relay could not listen on ${values.host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  // The first line says where it listens (the tests read the port from it when asked for port 0).
  console.log(`relay listening on ws://${values.host}:${address.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 500));
