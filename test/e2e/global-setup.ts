// End-to-end tests run the compiled entry point (`bin/breachbot.js` → `dist/`), so build once before them, the way
// `npm run build` does: the TypeScript, then the knowledge-base snapshot of the bundled data.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['bin/build-snapshot.js'], { stdio: 'inherit' });
}
