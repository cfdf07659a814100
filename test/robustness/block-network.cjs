/**
 * Preloaded with `node --require` (NODE_OPTIONS reaches worker threads too): every way Node has to
 * reach the network — TCP and TLS sockets, UDP, DNS, fetch, HTTP/2 — throws, and is written to the
 * file named by TWIR_NETWORK_LOG, so an attempt is seen even when the code under test catches it.
 * Local pipes (the LSP's stdio) never call `connect`, and are unaffected.
 */
'use strict';
const { appendFileSync } = require('node:fs');

function blocked(what) {
  return function () {
    const message = `network access blocked: ${what}(${[...arguments].map((argument) => JSON.stringify(argument) ?? typeof argument).join(', ').slice(0, 200)})`;
    if (process.env.TWIR_NETWORK_LOG) appendFileSync(process.env.TWIR_NETWORK_LOG, `${message}\n${new Error().stack}\n\n`);
    throw new Error(message);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = net.createConnection = blocked('net.connect');
require('node:tls').connect = blocked('tls.connect');
require('node:dgram').createSocket = blocked('dgram.createSocket');
require('node:http2').connect = blocked('http2.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'reverse']) {
  dns[name] = blocked(`dns.${name}`);
  dns.promises[name] = blocked(`dns.promises.${name}`);
}
globalThis.fetch = blocked('fetch');
