// End-to-end tests run the compiled entry point (`bin/breachbot.js` → `dist/`), so build once before them.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
