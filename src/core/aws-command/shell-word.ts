// One word of a command line with the source offset of each of its characters, and the located
// error for a command line that cannot be read as its shell would. Shared by the shell tokenizers
// (shell-words.ts) and the model of how Windows hands a command line to aws.exe
// (windows-command-line.ts), which both build words.

export interface ShellWord {
  value: string;
  /** The source offset of each UTF-16 unit of `value`; `offsets[value.length]` is the word's end. */
  offsets: number[];
  start: number;
  end: number;
}

/** A command line this module cannot read as the shell would; `start`/`end` are offsets in it. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Collects one word: its characters, where each came from, and whether each was quoted. */
export class WordBuilder {
  value = '';
  offsets: number[] = [];
  quoted: boolean[] = [];
  /** A word of nothing but quotes (`''`) is still a word: an empty argument. */
  started = false;
  constructor(readonly start: number) {}
  push(text: string, at: number, quoted: boolean): void {
    this.started = true;
    for (let k = 0; k < text.length; k++) {
      this.value += text[k];
      this.offsets.push(at);
      this.quoted.push(quoted);
    }
  }
  finish(end: number): ShellWord {
    return { value: this.value, offsets: [...this.offsets, end], start: this.start, end };
  }
}
