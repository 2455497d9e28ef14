/**
 * `compute` with its answers kept for up to `kept` different words, then all
 * forgotten at once: a library repeats the same few tens of thousands of
 * words millions of times, and a process that meets more (a large ingest)
 * must not hold them all.
 */
export function remembered<T>(compute: (word: string) => T, kept: number): (word: string) => T {
  const answers = new Map<string, T>();
  return (word) => {
    let answer = answers.get(word);
    if (answer === undefined) {
      if (answers.size >= kept) answers.clear();
      answer = compute(word);
      answers.set(word, answer);
    }
    return answer;
  };
}
