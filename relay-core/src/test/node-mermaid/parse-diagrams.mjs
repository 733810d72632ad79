// Parses every file named on the command line with Mermaid's own parser (mermaid.parse needs no DOM for a
// sequence diagram). Prints "OK <file>" or "INVALID <file>: <message>" per file; exits 1 if any is invalid.
import { readFileSync } from 'node:fs';
import mermaid from 'mermaid';

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    const result = await mermaid.parse(text);
    console.log(`OK ${file} ${result.diagramType}`);
  } catch (e) {
    invalid++;
    console.log(`INVALID ${file}: ${String(e.message ?? e).replace(/\s+/g, ' ')}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
