// A small bookkeeping library in JavaScript, made into a component with jco componentize:
// the guest the runtime's JavaScript speed is measured and tested with.
export const ledger = {
  classify(amount) {
    if (amount === 0n) return 'zero';
    if (amount < 100n) return 'small';
    if (amount < 10000n) return 'medium';
    if (amount < 1000000n) return 'large';
    return 'huge';
  },
  checksum(data) {
    let a = 1, b = 0;
    for (let i = 0; i < data.length; i++) {
      a = (a + data[i]) % 65521;
      b = (b + a) % 65521;
    }
    return ((b << 16) | a) >>> 0;
  },
  summarize(entries) {
    let flagged = 0, total = 0n, top = '', max = -1n;
    for (const e of entries) {
      if (e.flagged) flagged++;
      total += e.amount;
      if (e.amount > max) { max = e.amount; top = e.account; }
    }
    return [flagged, total, top];
  },
};
