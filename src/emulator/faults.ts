// Faults the emulator injects into chosen requests, for tests: what AWS does on a bad day
// (5xx, throttling, slowness, a connection that drops) and a service that rejects one user.

export type Fault =
  /** An internal error of the service: HTTP 500/502/503/504 (retried by the SDK). */
  | { kind: 'status'; status: 500 | 502 | 503 | 504; code?: string; message?: string }
  /** Throttling: HTTP 400 ThrottlingException ("Rate exceeded") or HTTP 429 TooManyRequestsException. */
  | { kind: 'throttle'; status?: 400 | 429 }
  /** Answer normally, this many ms late. */
  | { kind: 'delay'; ms: number }
  /** Destroy the connection before answering: the client sees a reset socket, nothing is accepted. */
  | { kind: 'drop' }
  /** InvalidInputException whenever the request holds one of these users (the whole request is refused, as the service does). */
  | { kind: 'reject-user'; userIds: readonly string[]; message?: string };

/** What a rule's predicate sees of a request. */
export interface FaultContext {
  /** 1-based number of the request among every POST /users received (retries count). */
  seq: number;
  /** The body's users (empty when the body is not a PutUsers request). */
  userIds: readonly string[];
  datasetArn?: string;
}

export interface FaultRule {
  /** Which requests: a sequence number, a list of them, or a predicate. Every request when absent. */
  when?: number | readonly number[] | ((request: FaultContext) => boolean);
  fault: Fault;
  /** Applies at most this many times, then is spent. */
  times?: number;
}

/** The rules a request triggers, in order, counting down their `times`. */
export function faultsFor(rules: FaultRule[], context: FaultContext): Fault[] {
  const out: Fault[] = [];
  for (const rule of rules) {
    if (rule.times !== undefined && rule.times <= 0) continue;
    if (!matches(rule, context)) continue;
    if (rule.fault.kind === 'reject-user' && !rule.fault.userIds.some((id) => context.userIds.includes(id))) continue;
    if (rule.times !== undefined) rule.times--;
    out.push(rule.fault);
  }
  return out;
}

function matches(rule: FaultRule, context: FaultContext): boolean {
  const when = rule.when;
  if (when === undefined) return true;
  if (typeof when === 'number') return when === context.seq;
  if (typeof when === 'function') return when(context);
  return when.includes(context.seq);
}
