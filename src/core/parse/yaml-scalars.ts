// What a YAML scalar means to the AWS CLI: ruamel.yaml's safe loader (YAML 1.2 by default,
// 1.1 under a `%YAML 1.1` directive). js-yaml's own schema differs (dates, `1_000`, `1e3`),
// so we resolve the scalar's source text ourselves with ruamel's rules.
import { PYTHON_MAX_INT_DIGITS } from '../python-format';
import type { ScalarValue } from '../tree';

export type YamlVersion = '1.1' | '1.2';

const BOOL_12 = /^(?:true|True|TRUE|false|False|FALSE)$/;
const BOOL_11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT_12 =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_11 =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_12 = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const INT_11 =
  /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?)$/;
const TIMESTAMP_PARTS =
  /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?)?$/;

export const YAML_TAG = 'tag:yaml.org,2002:';

/** The tag ruamel's resolver gives a plain scalar (the first matching rule, in ruamel's order). */
export function resolvePlain(text: string, version: YamlVersion): string {
  const first = text[0] ?? '';
  const v11 = version === '1.1';
  if ((v11 ? 'yYnNtTfFoO' : 'tTfF').includes(first) && first !== '' && (v11 ? BOOL_11 : BOOL_12).test(text))
    return YAML_TAG + 'bool';
  if ('-+0123456789.'.includes(first) && first !== '' && (v11 ? FLOAT_11 : FLOAT_12).test(text))
    return YAML_TAG + 'float';
  if ('-+0123456789'.includes(first) && first !== '' && (v11 ? INT_11 : INT_12).test(text)) return YAML_TAG + 'int';
  if (text === '<<') return YAML_TAG + 'merge';
  if ('~nN'.includes(first) && NULL.test(text)) return YAML_TAG + 'null';
  if (text === '') return YAML_TAG + 'null';
  if ('0123456789'.includes(first) && first !== '' && TIMESTAMP.test(text)) return YAML_TAG + 'timestamp';
  if (text === '=') return YAML_TAG + 'value';
  return YAML_TAG + 'str';
}

/** A Python exception (not a YAMLError) in ruamel's constructor: the CLI crashes, printing only its message. */
export interface Crash {
  crash: string;
  why: string;
}
const crash = (message: string, why: string): Crash => ({ crash: message, why });

/** Builds the value ruamel's SafeConstructor makes for `tag`; a string is why it is invalid YAML. */
export function constructScalar(tag: string, text: string, version: YamlVersion): ScalarValue | string | Crash {
  switch (tag) {
    case YAML_TAG + 'str':
      return { type: 'str', value: text };
    case YAML_TAG + 'null':
      return { type: 'none' }; // whatever the text: ruamel's constructor ignores it
    case YAML_TAG + 'bool':
      return constructBool(text);
    case YAML_TAG + 'int':
      return constructInt(text, version);
    case YAML_TAG + 'float':
      return constructFloat(text, version);
    case YAML_TAG + 'timestamp':
      return constructTimestamp(text);
    case YAML_TAG + 'binary':
      return constructBinary(text);
    default:
      return `The YAML tag \`${tag}\` has no meaning to the AWS CLI's YAML loader.`;
  }
}

function constructBool(text: string): ScalarValue | Crash {
  const lower = text.toLowerCase();
  if (['yes', 'true', 'on', 'y'].includes(lower)) return { type: 'bool', value: true };
  if (['no', 'false', 'off', 'n'].includes(lower)) return { type: 'bool', value: false };
  return crash(`'${lower}'`, `\`${text}\` is no boolean: the AWS CLI crashes on it.`);
}

function constructInt(text: string, version: YamlVersion): ScalarValue | Crash {
  let s = text.replace(/_/g, '');
  const sign = s[0] === '-' ? -1n : 1n;
  if (s === '') return crash('string index out of range', 'An empty !!int: the AWS CLI crashes on it.');
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  const notInt = crash(
    `invalid literal for int() with base 10: '${s}'`,
    `\`${text}\` is not an integer: the AWS CLI crashes on it.`,
  );
  try {
    if (s === '0') return { type: 'int', value: 0n };
    if (s.startsWith('0b')) return { type: 'int', value: sign * BigInt('0b' + s.slice(2)) };
    if (s.startsWith('0x')) return { type: 'int', value: sign * BigInt('0x' + s.slice(2)) };
    if (s.startsWith('0o')) return { type: 'int', value: sign * BigInt('0o' + s.slice(2)) };
    if (version === '1.1' && s.startsWith('0')) return { type: 'int', value: sign * BigInt('0o' + s.slice(1)) };
    if (version === '1.1' && s.includes(':')) {
      const value = s.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
      return { type: 'int', value: sign * value };
    }
    if (!/^[0-9]+$/.test(s)) return notInt;
    if (s.length > PYTHON_MAX_INT_DIGITS) {
      return crash(
        `Exceeds the limit (${PYTHON_MAX_INT_DIGITS} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
        `An integer of ${s.length} digits: Python (the AWS CLI) refuses more than ${PYTHON_MAX_INT_DIGITS}.`,
      );
    }
    return { type: 'int', value: sign * BigInt(s) };
  } catch {
    return notInt;
  }
}

function constructFloat(text: string, version: YamlVersion): ScalarValue | string {
  let s = text.replace(/_/g, '').toLowerCase();
  const sign = s[0] === '-' ? -1 : 1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '.inf') return { type: 'float', value: sign * Infinity };
  if (s === '.nan') return { type: 'float', value: NaN };
  if (version === '1.1' && s.includes(':')) {
    const value = s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    return { type: 'float', value: sign * value };
  }
  if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?$/.test(s)) return `\`${text}\` is not a number.`;
  return { type: 'float', value: sign * Number(s) };
}

function constructTimestamp(text: string): ScalarValue | string | Crash {
  const m = TIMESTAMP_PARTS.exec(text);
  if (!m) return `failed to construct timestamp from "${text}"`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const invalid = dateError(year, month, day);
  if (invalid) return crash(invalid, `\`${text}\` is no real date (${invalid}): the AWS CLI crashes on it.`);
  if (m[4] === undefined) return { type: 'date', value: { year, month, day } };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const timeError =
    hour > 23
      ? 'hour must be in 0..23'
      : minute > 59
        ? 'minute must be in 0..59'
        : second > 59
          ? 'second must be in 0..59'
          : undefined;
  if (timeError) return crash(timeError, `\`${text}\` is no real time (${timeError}): the AWS CLI crashes on it.`);
  let microsecond = 0;
  let carrySeconds = 0;
  const fraction = m[7];
  if (fraction) {
    microsecond = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (fraction.length > 6 && Number(fraction[6]) > 4) microsecond += 1;
    // ruamel's rounding carry: without an offset it adds the second; with one it subtracts it.
    if (microsecond > 999999) {
      microsecond = 0;
      carrySeconds = m[9] ? -1 : 1;
    }
  }
  // ruamel returns a naive datetime shifted to UTC.
  let offsetMinutes = 0;
  if (m[9]) offsetMinutes = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second + carrySeconds, 0);
  const d = new Date(utc.getTime() - offsetMinutes * 60000);
  return {
    type: 'datetime',
    value: {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      microsecond,
    },
  };
}

/** Python's datetime.date(...) complaint about an impossible date, if any. */
function dateError(year: number, month: number, day: number): string | undefined {
  if (year < 1) return `year ${year} is out of range`;
  if (month < 1 || month > 12) return 'month must be in 1..12';
  if (!isValidDate(year, month, day)) return 'day is out of range for month';
  return undefined;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (day < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of this one
  return day <= d.getUTCDate();
}

/** Python's base64.decodebytes: characters outside the alphabet are skipped; the padding must be right. */
function constructBinary(text: string): ScalarValue | string {
  const data = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const body = data.replace(/=.*$/, '');
  const padding = data.length - body.length;
  if (body.length % 4 === 1) return 'failed to decode base64 data: invalid number of characters';
  if (body.length % 4 !== 0 && padding < 4 - (body.length % 4))
    return 'failed to decode base64 data: Incorrect padding';
  return { type: 'bytes', value: new Uint8Array(Buffer.from(body, 'base64')) };
}
