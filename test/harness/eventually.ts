/**
 * Asks `ask` until its answer is `wanted`, for up to `ms`: for what the service learns from elsewhere (a change made
 * in plain SQL reaches its kept callers by notification). The last answer, and how long it took.
 */
export async function eventually<T>(
  ask: () => Promise<T>,
  wanted: (answer: T) => boolean,
  ms = 3000,
): Promise<{ answer: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const answer = await ask();
    if (wanted(answer) || Date.now() - started > ms) return { answer, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
