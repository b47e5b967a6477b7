// "How old was the key": a thing's age is told by when it was made, so the fact that says it was created leads,
// not the latest thing that happened to it. The project's own synonym groups.
import { describe, expect, it } from 'vitest';
import { leadOf, projectKbWith } from '../fixtures/core-across.js';

describe('"how old was X"', () => {
  const { ask } = projectKbWith();

  it('leads with when X was created', () => {
    const a = ask('how old was the signing key they used?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('creates the signing key');
  });
});
