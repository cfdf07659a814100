export interface TypingHeap {
  keystrokes: number;
  /** Heap after GC once the caches are warm, in MB. */
  beforeMb: number;
  afterMb: number;
  growthMb: number;
  /** After closing the document. */
  closedMb: number;
}

export function typingHeap(script: string, options: { uri: string; text: string; keystrokes: number; warmUp?: number }): Promise<TypingHeap>;
