// The one error of command generation: a value that the chosen shell's command line cannot carry.

export class NotExpressibleError extends Error {}
