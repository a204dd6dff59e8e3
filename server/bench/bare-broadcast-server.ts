// The baseline for the hall benchmarks: a bare Socket.IO server that does nothing but relay. One sender
// emits `relay`, the server broadcasts it to the `receivers` room at once; `relay-ack` does the same and
// then answers the sender through its ack, as the hall answers a command (the sequential bench). What
// the hall server adds on top of this (validation, decide, the SQLite transaction with its fsync, the
// ack, the broadcast to every client) is what the benchmarks' ratio shows.
//
//   node --import tsx server/bench/bare-broadcast-server.ts   → prints `READY <port>`
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface RelayEvents {
  relay: (message: unknown) => void;
  'relay-ack': (message: unknown, ack: (answer: { ok: true }) => void) => void;
}
interface ReceiverEvents {
  message: (message: unknown) => void;
}

const httpServer = createServer();
const io = new Server<RelayEvents, ReceiverEvents>(httpServer, {
  serveClient: false,
  transports: ['websocket'],
});
io.on('connection', (socket) => {
  if (socket.handshake.auth.role === 'receiver') void socket.join('receivers');
  socket.on('relay', (message) => {
    io.to('receivers').emit('message', message);
  });
  socket.on('relay-ack', (message, ack) => {
    io.to('receivers').emit('message', message);
    if (typeof ack === 'function') ack({ ok: true });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(httpServer.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => {
  void io.close();
  process.exit(0);
});
