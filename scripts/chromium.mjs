// How the tests and benchmarks start Chromium: Debian's build, as root, with nothing reaching out
// to the network on its own (this machine's network is closed).
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
