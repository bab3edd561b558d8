// Launch flags for Debian's headless Chromium, shared by the browser tests and the benchmark:
// no sandbox (root in CI), no GPU, and no background traffic that would add requests or noise.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
