// Feeds ITF files to Quint's own ITF reader (dist/src/itf.js of @informalsystems/quint, which has no
// CLI command for it): each file must convert to Quint values and runtime values (ofItfNormalized)
// and write back (toItf) to the same states. With --same A B: A and B must read as the same values.
// Usage: node quint-itf-reader.js QUINT_PACKAGE_DIR [--same] FILE...   Prints one line per file.
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const [root, ...args] = process.argv.slice(2);
const itf = require(path.join(root, 'dist', 'src', 'itf.js'));
const same = args[0] === '--same';
const files = same ? args.slice(1) : args;
const read = f => JSON.parse(fs.readFileSync(f, 'utf8'));
const noMeta = s => { const { ['#meta']: _, ...rest } = s; return rest; };
if (same) {
  const [a, b] = files.map(f => itf.ofItf(read(f)));
  assert.deepStrictEqual(a, b, 'Quint reads ' + files[0] + ' and ' + files[1] + ' differently');
  console.log('same values: ' + files.join(' '));
} else {
  for (const f of files) {
    const t = read(f);
    const normalized = itf.ofItfNormalized(t);
    const back = itf.toItf(t.vars, itf.ofItf(t));
    if (back.isLeft()) {
      throw new Error(f + ': Quint cannot write back what it read: ' + back.value);
    }
    assert.deepStrictEqual(back.value.states.map(noMeta), t.states.map(noMeta), f + ': states differ after Quint read them');
    console.log('read ' + normalized.length + ' states: ' + f);
  }
}
