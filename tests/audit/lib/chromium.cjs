// The headless Chromium every probe here drives (Debian's /usr/bin/chromium, or AUDIT_CHROMIUM),
// with the flags that keep it offline and quiet: the one copy the probes share.
'use strict';

const CHROMIUM = process.env.AUDIT_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

module.exports = { CHROMIUM, CHROMIUM_ARGS };
